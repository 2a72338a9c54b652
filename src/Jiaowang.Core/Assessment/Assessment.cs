namespace Jiaowang.Core.Assessment;

/// <summary>What the platform knows about one unit over the assessed span (a phase or the whole plan).</summary>
/// <param name="ReportsDue">Reports whose (own) due date fell in the span.</param>
/// <param name="ReportsOnTime">Of those, submitted by the due date (an approved extension's date counts).</param>
/// <param name="ReportsReviewed">Reports the office accepted or returned at least once.</param>
/// <param name="AcceptedFirstTime">Of those, accepted without ever being returned.</param>
/// <param name="Extensions">Approved extensions.</param>
/// <param name="FollowUpsDue">Follow-ups (督办事项 of meetings) due in the span.</param>
/// <param name="FollowUpsClosed">Of those, marked done.</param>
/// <param name="Instructions">Leaders' instructions (批示) addressed to the unit.</param>
/// <param name="InstructionsAnswered">Of those, answered.</param>
/// <param name="NoticesDue">Supervision notices (督办单) issued to the unit in the span, answered or past their respond-by day.</param>
/// <param name="NoticesAnsweredInTime">Of those, answered by their response date.</param>
/// <param name="Satisfaction">The satisfaction vote's score for the unit, 0–100; null without a sealed vote.</param>
public sealed record UnitFacts(int UnitId, string UnitName,
    int ReportsDue, int ReportsOnTime, int ReportsReviewed, int AcceptedFirstTime, int Extensions,
    int FollowUpsDue, int FollowUpsClosed, int Instructions, int InstructionsAnswered,
    int NoticesDue, int NoticesAnsweredInTime, decimal? Satisfaction);

/// <summary>
/// Points per criterion, set by the office per plan; the maximum score is their sum (100 by default).
/// </summary>
public sealed record AssessmentWeights(int ReportsOnTime = 25, int AcceptedFirstTime = 20, int NoExtensions = 5,
    int FollowUpsClosed = 15, int InstructionsAnswered = 10, int NoticesAnsweredInTime = 10, int Satisfaction = 15)
{
    public static AssessmentWeights Default { get; } = new();
    public int Total => ReportsOnTime + AcceptedFirstTime + NoExtensions + FollowUpsClosed + InstructionsAnswered + NoticesAnsweredInTime + Satisfaction;

    public IEnumerable<(string Code, int Points)> All =>
    [
        ("reportsOnTime", ReportsOnTime), ("acceptedFirstTime", AcceptedFirstTime), ("noExtensions", NoExtensions),
        ("followUpsClosed", FollowUpsClosed), ("instructionsAnswered", InstructionsAnswered),
        ("noticesAnsweredInTime", NoticesAnsweredInTime), ("satisfaction", Satisfaction),
    ];

    /// <returns>The first criterion whose weight is out of range (0–100), or null.</returns>
    public string? Invalid() => All.Where(w => w.Points is < 0 or > 100).Select(w => w.Code).FirstOrDefault();
}

/// <summary>One criterion's share of a unit's score: <see cref="Good"/> of <see cref="Of"/> items, and the points lost.</summary>
/// <param name="Of">0 when the unit had nothing to do under this criterion: full marks.</param>
public sealed record ScoreItem(string Code, int Weight, int Good, int Of, decimal Earned)
{
    public decimal Lost => Weight - Earned;
}

public sealed record UnitScore(int Rank, int UnitId, string UnitName, decimal Score, decimal Max, IReadOnlyList<ScoreItem> Items)
{
    /// <summary>The criteria that cost points, most expensive first: the explanation shown beside the score.</summary>
    public IEnumerable<ScoreItem> Costs => Items.Where(i => i.Lost > 0).OrderByDescending(i => i.Lost).ThenBy(i => i.Code, StringComparer.Ordinal);
}

/// <summary>
/// 结果考评: each criterion earns its weight × the share of the unit's items that went well (full weight when there was
/// nothing to do); the score is the sum, rounded to one decimal; units are ranked by score, ties share a rank.
/// </summary>
public static class UnitAssessment
{
    public static IReadOnlyList<UnitScore> Score(IEnumerable<UnitFacts> facts, AssessmentWeights weights)
    {
        var scored = facts.Select(f =>
        {
            var items = new List<ScoreItem>
            {
                Item("reportsOnTime", weights.ReportsOnTime, f.ReportsOnTime, f.ReportsDue),
                Item("acceptedFirstTime", weights.AcceptedFirstTime, f.AcceptedFirstTime, f.ReportsReviewed),
                Item("noExtensions", weights.NoExtensions, Math.Max(0, f.ReportsDue - f.Extensions), f.ReportsDue == 0 && f.Extensions > 0 ? f.Extensions : f.ReportsDue),
                Item("followUpsClosed", weights.FollowUpsClosed, f.FollowUpsClosed, f.FollowUpsDue),
                Item("instructionsAnswered", weights.InstructionsAnswered, f.InstructionsAnswered, f.Instructions),
                Item("noticesAnsweredInTime", weights.NoticesAnsweredInTime, f.NoticesAnsweredInTime, f.NoticesDue),
                f.Satisfaction is { } s
                    ? new ScoreItem("satisfaction", weights.Satisfaction, (int)Math.Round(Math.Clamp(s, 0, 100)), 100, Round(weights.Satisfaction * Math.Clamp(s, 0, 100) / 100m))
                    : new ScoreItem("satisfaction", weights.Satisfaction, 0, 0, weights.Satisfaction),
            };
            return (Facts: f, Items: items, Score: Round(items.Sum(i => i.Earned)));
        }).OrderByDescending(x => x.Score).ThenBy(x => x.Facts.UnitName, StringComparer.Ordinal).ToList();

        var result = new List<UnitScore>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var rank = i > 0 && scored[i].Score == scored[i - 1].Score ? result[i - 1].Rank : i + 1;
            result.Add(new UnitScore(rank, scored[i].Facts.UnitId, scored[i].Facts.UnitName, scored[i].Score, weights.Total, scored[i].Items));
        }
        return result;
    }

    static ScoreItem Item(string code, int weight, int good, int of) =>
        new(code, weight, Math.Min(good, of), of, of == 0 ? weight : Round(weight * (decimal)Math.Min(good, of) / of));

    static decimal Round(decimal d) => Math.Round(d, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The weights the office set for one plan's assessment (one row per plan; the defaults until it does).</summary>
public class PlanAssessmentWeights
{
    public int PlanId { get; set; }
    public int ReportsOnTime { get; set; }
    public int AcceptedFirstTime { get; set; }
    public int NoExtensions { get; set; }
    public int FollowUpsClosed { get; set; }
    public int InstructionsAnswered { get; set; }
    public int NoticesAnsweredInTime { get; set; }
    public int Satisfaction { get; set; }

    public AssessmentWeights ToWeights() =>
        new(ReportsOnTime, AcceptedFirstTime, NoExtensions, FollowUpsClosed, InstructionsAnswered, NoticesAnsweredInTime, Satisfaction);

    public void Set(AssessmentWeights w) =>
        (ReportsOnTime, AcceptedFirstTime, NoExtensions, FollowUpsClosed, InstructionsAnswered, NoticesAnsweredInTime, Satisfaction) =
        (w.ReportsOnTime, w.AcceptedFirstTime, w.NoExtensions, w.FollowUpsClosed, w.InstructionsAnswered, w.NoticesAnsweredInTime, w.Satisfaction);
}

namespace Jiaowang.Core.Evaluations;

/// <summary>A member's answer about one unit, as submitted.</summary>
public sealed record BallotLine(int UnitId, Satisfaction? Satisfaction, string? Comment);

public enum BallotError
{
    /// <summary>A unit on the ballot has no answer.</summary>
    Missing,
    /// <summary>The same unit is answered twice.</summary>
    Duplicate,
    /// <summary>The unit is not on this evaluation's ballot.</summary>
    UnknownUnit,
    /// <summary>The comment is longer than <see cref="Ballot.CommentMaxLength"/>.</summary>
    CommentTooLong,
    /// <summary>The comment carries markup or a script link.</summary>
    CommentUnsafe,
}

/// <summary>What is wrong with a ballot, about which unit.</summary>
public sealed record BallotProblem(int UnitId, BallotError Error);

/// <summary>Checks a ballot sheet against the evaluation's units: each once, nothing else; comments plain and short.</summary>
public static class Ballot
{
    public const int CommentMaxLength = 500;

    /// <summary>
    /// Returns the problems (empty when the ballot is good) and the answers to store, shuffled so that their order says
    /// nothing about the order of the sheet, each with a fresh random key.
    /// </summary>
    public static (IReadOnlyList<BallotProblem> Problems, IReadOnlyList<EvaluationAnswer> Answers) Check(
        int evaluationId, IReadOnlyList<int> unitsOnBallot, IEnumerable<BallotLine> lines)
    {
        var problems = new List<BallotProblem>();
        var answered = new Dictionary<int, BallotLine>();
        foreach (var line in lines)
        {
            if (!unitsOnBallot.Contains(line.UnitId)) problems.Add(new(line.UnitId, BallotError.UnknownUnit));
            else if (!answered.TryAdd(line.UnitId, line)) problems.Add(new(line.UnitId, BallotError.Duplicate));
        }
        var answers = new List<EvaluationAnswer>();
        foreach (var unitId in unitsOnBallot)
        {
            if (!answered.TryGetValue(unitId, out var line) || line.Satisfaction is not { } satisfaction || !Enum.IsDefined(satisfaction))
            {
                problems.Add(new(unitId, BallotError.Missing));
                continue;
            }
            var comment = CleanComment(line.Comment);
            if (comment is { Length: > CommentMaxLength }) problems.Add(new(unitId, BallotError.CommentTooLong));
            else if (!IsPlainText(comment)) problems.Add(new(unitId, BallotError.CommentUnsafe));
            // Guid.NewGuid is random (version 4); a version 7 or sequential key would carry the time of the vote.
            answers.Add(new EvaluationAnswer { Id = Guid.NewGuid(), EvaluationId = evaluationId, UnitId = unitId, Satisfaction = satisfaction, Comment = comment });
        }
        if (problems.Count > 0) return (problems, []);
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(answers));
        return (problems, answers);
    }

    /// <summary>Trims, drops control characters other than line breaks, and turns an empty comment into none.</summary>
    public static string? CleanComment(string? comment)
    {
        if (comment is null) return null;
        var kept = new string(comment.Replace("\r\n", "\n").Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }

    /// <summary>Comments are shown as text; markup and script links are refused rather than stored.</summary>
    public static bool IsPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        var squeezed = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        return !squeezed.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
               && !System.Text.RegularExpressions.Regex.IsMatch(text, @"<\s*[a-zA-Z/!?]");
    }

    /// <summary>The tally of one unit from its answers.</summary>
    public static UnitSatisfaction Tally(int unitId, string unitName, IEnumerable<Satisfaction> answers)
    {
        int s = 0, b = 0, d = 0;
        foreach (var a in answers)
        {
            switch (a)
            {
                case Satisfaction.Satisfied: s++; break;
                case Satisfaction.BasicallySatisfied: b++; break;
                default: d++; break;
            }
        }
        return new UnitSatisfaction(unitId, unitName, s, b, d);
    }
}

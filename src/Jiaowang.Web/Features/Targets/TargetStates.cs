using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Targets;

/// <summary>A target's latest reading and the status it earns today.</summary>
public sealed record TargetState(int TargetId, decimal? Latest, DateOnly? AsOf, ReadingOrigin? Origin, StatusAssessment Assessment)
{
    /// <summary>How many readings the target has (corrections included).</summary>
    public int ReadingCount { get; init; }
}

/// <summary>Computes every target's status for one plan: latest reading against time progress (docs/STATUS-RULES.md).</summary>
public static class TargetStates
{
    /// <summary>The span whose elapsed share is the plan's time progress: first phase's first month to last phase's last.</summary>
    public static (YearMonth Start, YearMonth End)? Span(IReadOnlyCollection<Phase> phases) =>
        phases.Count == 0 ? null : (YearMonth.From(phases.Min(p => p.StartMonth)), YearMonth.From(phases.Max(p => p.EndMonth)));

    public static async Task<IReadOnlyDictionary<int, TargetState>> ForPlanAsync(JiaowangDb db, int planId, DateOnly today, CancellationToken ct = default)
    {
        var phases = await db.Phases.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .Select(t => new TargetFigure(t.Id, t.Value, t.Qualifier)).ToListAsync(ct);
        return await ForPlanAsync(db, planId, phases, targets, today, ct);
    }

    /// <summary>For a caller that has loaded the plan's phases and targets already: two queries, the roll-ups and the rules.</summary>
    public static async Task<IReadOnlyDictionary<int, TargetState>> ForPlanAsync(JiaowangDb db, int planId,
        IReadOnlyCollection<Phase> phases, IEnumerable<TargetFigure> targets, DateOnly today, CancellationToken ct = default)
    {
        // Each target's latest reading and count come from its roll-up row, kept by the database on every reading write
        // (TargetRollup): one row per target, however many readings the plan has gathered (issue 16: 1 million).
        var figures = targets.ToList();
        var ids = figures.Select(t => t.Id).ToList();
        var latest = await db.TargetRollups.AsNoTracking().Where(r => ids.Contains(r.TargetId)).ToDictionaryAsync(r => r.TargetId, ct);
        return Judge(figures, latest, await RulesAsync(db, planId, ct), Span(phases), today);
    }

    /// <summary>
    /// Every target's state in several plans, keyed by plan, in two queries whatever their count (the portfolio): the
    /// targets with how each is judged, and their roll-ups.
    /// </summary>
    public static async Task<Dictionary<int, IReadOnlyDictionary<int, TargetState>>> ForPlansAsync(JiaowangDb db, IReadOnlyCollection<int> planIds,
        ILookup<int, Phase> phases, DateOnly today, CancellationToken ct = default)
    {
        var targets = await db.Targets.AsNoTracking().Where(t => planIds.Contains(t.Group!.PlanId))
            .Select(t => new { t.Group!.PlanId, t.Id, t.Value, t.Qualifier, t.Text, t.Kind, t.Baseline, t.Decline, t.TimeProfile, t.Measure }).ToListAsync(ct);
        var latest = await db.Targets.AsNoTracking().Where(t => planIds.Contains(t.Group!.PlanId))
            .Join(db.TargetRollups.AsNoTracking(), t => t.Id, r => r.TargetId, (t, r) => r).ToDictionaryAsync(r => r.TargetId, ct);
        var byPlan = targets.ToLookup(t => t.PlanId);
        return planIds.Distinct().ToDictionary(id => id, id => Judge(
            byPlan[id].Select(t => new TargetFigure(t.Id, t.Value, t.Qualifier)).ToList(), latest,
            byPlan[id].ToDictionary(t => t.Id, t => RuleOf(t.Text, t.Kind, t.Baseline, t.Decline, t.TimeProfile, t.Measure)),
            Span(phases[id].ToList()), today));
    }

    // Each target is judged by its kind from its baseline, against linear time progress or its time profile.
    static IReadOnlyDictionary<int, TargetState> Judge(List<TargetFigure> figures, Dictionary<int, TargetRollup> latest, Dictionary<int, TargetRule> rules,
        (YearMonth Start, YearMonth End)? span, DateOnly today) =>
        figures.ToDictionary(t => t.Id, t =>
        {
            var reading = latest.GetValueOrDefault(t.Id);
            var rule = rules.GetValueOrDefault(t.Id) ?? TargetRule.Unknown;
            return new TargetState(t.Id, reading?.LatestValue, reading?.LatestAsOf, reading?.LatestOrigin,
                rule.Assess(t.Value, t.Qualifier, reading?.LatestValue, span, today)) { ReadingCount = reading?.ReadingCount ?? 0 };
        });

    /// <summary>
    /// How each of the plan's targets is judged, as stored (the kind and direction inferred from the sentence when none is
    /// stored): the one place the dashboard, the target pages and the Word documents read it from.
    /// </summary>
    public static async Task<Dictionary<int, TargetRule>> RulesAsync(JiaowangDb db, int planId, CancellationToken ct = default) =>
        (await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .Select(t => new { t.Id, t.Text, t.Kind, t.Baseline, t.Decline, t.TimeProfile, t.Measure }).ToListAsync(ct))
        .ToDictionary(t => t.Id, t => RuleOf(t.Text, t.Kind, t.Baseline, t.Decline, t.TimeProfile, t.Measure));

    static TargetRule RuleOf(string text, TargetKind? kind, decimal? baseline, bool? decline, string? timeProfile, string? measure)
    {
        var inferred = kind is null || decline is null ? TargetKinds.Infer(text) : null;
        return new TargetRule(kind ?? inferred!.Kind, baseline, decline ?? inferred!.Decline, TimeProfiles.Parse(timeProfile), measure);
    }
}

/// <summary>How a target is judged (docs/STATUS-RULES.md, "Target kinds"): kind, baseline, direction, time profile, and the unit
/// its reason is written in.</summary>
public sealed record TargetRule(TargetKind Kind, decimal? Baseline, bool Decline, IReadOnlyList<decimal>? TimeProfile, string? Unit)
{
    /// <summary>For a target that is not the plan's: counted from zero, linear time.</summary>
    public static readonly TargetRule Unknown = new(TargetKind.New, null, false, null, null);

    /// <summary>A change rate the plan wants to fall (下降 3%): the direction counts for growth targets only.</summary>
    public bool WantsDecline => Kind == TargetKind.Growth && Decline;

    /// <summary>The status of the latest value on <paramref name="day"/>, against the plan's span (linear, or by the profile).</summary>
    public StatusAssessment Assess(decimal targetValue, string? qualifier, decimal? latest, (YearMonth Start, YearMonth End)? span, DateOnly day)
    {
        var timeProgress = span is { } s ? TimeProfiles.TimeProgress(s.Start, s.End, day, TimeProfile) : 0m;
        return KindedProgress.Assess(Kind, targetValue, Baseline, qualifier, latest, timeProgress, Decline) with { Unit = Unit };
    }
}

/// <summary>What a target's status needs of the target itself.</summary>
public sealed record TargetFigure(int Id, decimal Value, string? Qualifier);

using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Progress;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Targets;

/// <summary>A target's latest reading and the status it earns today.</summary>
public sealed record TargetState(int TargetId, decimal? Latest, DateOnly? AsOf, ReadingOrigin? Origin, StatusAssessment Assessment);

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

    /// <summary>For a caller that has loaded the plan's phases and targets already: one query, for the readings.</summary>
    public static async Task<IReadOnlyDictionary<int, TargetState>> ForPlanAsync(JiaowangDb db, int planId,
        IReadOnlyCollection<Phase> phases, IEnumerable<TargetFigure> targets, DateOnly today, CancellationToken ct = default)
    {
        // A plan has tens of targets and at most a few thousand readings a year: read the plan's readings once and
        // pick the latest of each in memory, rather than a correlated subquery per target.
        var readings = await db.Readings.AsNoTracking().Where(r => r.Target!.Group!.PlanId == planId)
            .Select(r => new { r.Id, r.TargetId, r.Value, r.AsOf, r.Origin }).ToListAsync(ct);
        var latest = readings.GroupBy(r => r.TargetId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).First());

        // Each target is judged by its kind from its baseline, against linear time progress or its time profile.
        var rules = (await db.Targets.AsNoTracking().Where(t => t.Group!.PlanId == planId)
            .Select(t => new { t.Id, t.Text, t.Kind, t.Baseline, t.TimeProfile }).ToListAsync(ct)).ToDictionary(t => t.Id);
        var span = Span(phases);
        return targets.ToDictionary(t => t.Id, t =>
        {
            var reading = latest.GetValueOrDefault(t.Id);
            var rule = rules.GetValueOrDefault(t.Id);
            var kind = rule?.Kind ?? (rule is null ? TargetKind.New : TargetKinds.Infer(rule.Text).Kind);
            var timeProgress = span is { } s ? TimeProfiles.TimeProgress(s.Start, s.End, today, TimeProfiles.Parse(rule?.TimeProfile)) : 0m;
            return new TargetState(t.Id, reading?.Value, reading?.AsOf, reading?.Origin,
                KindedProgress.Assess(kind, t.Value, rule?.Baseline, t.Qualifier, reading?.Value, timeProgress));
        });
    }
}

/// <summary>What a target's status needs of the target itself.</summary>
public sealed record TargetFigure(int Id, decimal Value, string? Qualifier);

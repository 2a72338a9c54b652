using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Plans;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Plans;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Readings;

public sealed record ReadingItem(int Id, decimal Value, DateOnly AsOf, string Source, string Origin, string? RecordedBy, DateTimeOffset RecordedAt)
{
    public static ReadingItem From(Reading r) => new(r.Id, r.Value, r.AsOf, r.Source, r.Origin == ReadingOrigin.Manual ? "manual" : "registry", r.RecordedBy, r.RecordedAt);
}

/// <param name="Status">onTrack, atRisk, behind or done (docs/STATUS-RULES.md).</param>
/// <param name="Units">The units the office assigned the target to; their liaisons enter its readings.</param>
public sealed record TargetDetail(int Id, int PlanId, string Text, string Metric, decimal Value, string Unit, string? Qualifier,
    decimal? Current, DateOnly? CurrentAsOf, string Status, string StatusReason, IReadOnlyList<UnitRef> Units, IReadOnlyList<ReadingItem> Readings)
{
    /// <summary>level, cumulative, new, growth, keep, ceiling or share: the rule <see cref="StatusReason"/> names.</summary>
    public Jiaowang.Core.Progress.TargetKind Kind { get; init; }
    /// <summary>基数 the progress counts from, or null.</summary>
    public decimal? Baseline { get; init; }
    public int? BaseYear { get; init; }
    /// <summary>For a growth target, true when the plan wants a decline (下降 3%): <see cref="Value"/> is the fall wanted (3) and
    /// readings are signed change rates (−3.5 for 下降 3.5%).</summary>
    public bool Decline { get; init; }
    /// <summary>Twelve monthly weights when the office chose an uneven time profile, else null.</summary>
    public IReadOnlyList<decimal>? TimeProfile { get; init; }
}

public sealed record NewReading(decimal Value, DateOnly AsOf, string? Source);

public sealed record TargetUnitsChange(IReadOnlyList<int> UnitIds);

public static class ReadingsApi
{
    public static RouteGroupBuilder MapReadingsApi(this IEndpointRouteBuilder app)
    {
        var targets = app.MapGroup("/api/targets").WithTags("Targets").RequireAuthorization().ScopedTo(Scope.Target);
        targets.MapGet("/{id:int}", Get).WithSummary("A target with its status, the reason, its assigned units and every reading.");
        targets.MapPost("/{id:int}/readings", Record).WithSummary("Records a new reading (value, as-of date, source): by a liaison of an assigned unit, or by the office.");
        targets.MapPut("/{id:int}/units", Assign).RequireAuthorization(Policies.Office).WithSummary("The office assigns the target to one or more units.");
        return targets;
    }

    /// <summary>Everyone but a liaison reads every target; a liaison reads the targets assigned to their unit.</summary>
    static async Task<bool> MaySeeAsync(Caller caller, JiaowangDb db, int targetId, CancellationToken ct) =>
        caller.UnitId is not { } unitId || await db.TargetUnits.AnyAsync(a => a.TargetId == targetId && a.UnitId == unitId, ct);

    static async Task<Results<Ok<TargetDetail>, NotFound>> Get(int id, Caller caller, JiaowangDb db, TimeProvider clock,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!await MaySeeAsync(caller, db, id, ct)) return TypedResults.NotFound();
        return await LoadAsync(db, id, clock.Today(), text, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
    }

    public static async Task<TargetDetail?> LoadAsync(JiaowangDb db, int id, DateOnly today, IStringLocalizer<SharedResource> text, CancellationToken ct = default)
    {
        var target = await db.Targets.AsNoTracking().Include(t => t.Group).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return null;
        var states = await TargetStates.ForPlanAsync(db, target.Group!.PlanId, today, ct);
        var state = states[id];
        var units = await db.TargetUnits.AsNoTracking().Where(a => a.TargetId == id)
            .Join(db.Units, a => a.UnitId, u => u.Id, (a, u) => new UnitRef(u.Id, u.Name)).ToListAsync(ct);
        var readings = await db.Readings.AsNoTracking().Where(r => r.TargetId == id).OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).ToListAsync(ct);
        return new TargetDetail(target.Id, target.Group.PlanId, target.Text, target.Metric, target.Value, target.Measure, target.Qualifier,
            state.Latest, state.AsOf, StatusText.Code(state.Assessment.Status), StatusText.Reason(text, state.Assessment),
            units.OrderBy(u => u.Name).ToList(), readings.Select(ReadingItem.From).ToList())
        {
            Kind = target.EffectiveKind, Baseline = target.Baseline, BaseYear = target.BaseYear, Decline = target.EffectiveKind == Jiaowang.Core.Progress.TargetKind.Growth && target.EffectiveDecline,
            TimeProfile = Jiaowang.Core.Progress.TimeProfiles.Parse(target.TimeProfile),
        };
    }

    static async Task<Results<Created<ReadingItem>, Refused>> Record(int id, NewReading request, Caller caller, JiaowangDb db, AuditLog audit, TimeProvider clock,
        IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        var outcome = await RecordAsync(caller, id, request, db, audit, clock, text, ct);
        return outcome.Refusal is { } refusal ? refusal.ToHttp() : TypedResults.Created($"/api/targets/{id}", ReadingItem.From(outcome.Value!));
    }

    /// <summary>Records a reading for the API and the liaison's page alike: who may, what is valid, saved with its audit entry.</summary>
    public static async Task<Outcome<Reading>> RecordAsync(Caller caller, int id, NewReading request, JiaowangDb db, AuditLog audit, TimeProvider clock,
        IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        var judged = await db.Targets.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Kind, t.Text }).FirstOrDefaultAsync(ct);
        if (judged is null) return Refusal.NotFound(text["Reading.TargetNotFound"]);
        if (await db.Targets.AnyAsync(t => t.Id == id && db.Plans.Any(p => p.Id == t.Group!.PlanId && p.Lifecycle == PlanLifecycle.Closed), ct))
            return Refusal.Conflict(text["Plan.Closed"]);
        if (!caller.IsOffice)
        {
            if (caller.UnitId is null) return Refusal.Forbidden(text["Reading.NotAllowed"]);
            if (!await MaySeeAsync(caller, db, id, ct)) return Refusal.NotFound(text["Reading.TargetNotFound"]);
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Source)) errors["source"] = [text["Reading.SourceRequired"]];
        else if (!RichText.IsSafePlainText(request.Source)) errors["source"] = [text["Text.Unsafe"]];
        // A growth target's reading is a change rate, negative for a fall (同比下降3.5% → −3.5); anything else is a count or level.
        if (request.Value < 0 && (judged.Kind ?? Jiaowang.Core.Progress.TargetKinds.Infer(judged.Text).Kind) != Jiaowang.Core.Progress.TargetKind.Growth)
            errors["value"] = [text["Reading.Negative"]];
        if (request.AsOf > clock.Today()) errors["asOf"] = [text["Reading.Future"]];
        if (errors.Count > 0) return Refusal.Invalid(errors, errors.First().Value[0]);

        // A reading is never changed: a correction is a new row, and the latest by as-of date counts.
        var reading = new Reading
        {
            TargetId = id, Value = request.Value, AsOf = request.AsOf, Source = request.Source!.Trim(),
            Origin = ReadingOrigin.Manual, RecordedBy = caller.UserName, RecordedAt = clock.GetUtcNow(),
        };
        db.Readings.Add(reading);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("Reading", reading.Id.ToString(), "record", null, ReadingItem.From(reading))], ct);
        return reading;
    }

    static async Task<Results<Ok<IReadOnlyList<int>>, NotFound, ValidationProblem>> Assign(int id, TargetUnitsChange request, Caller caller,
        JiaowangDb db, AuditLog audit, IStringLocalizer<ReportsText> text, CancellationToken ct)
    {
        if (!await db.Targets.AnyAsync(t => t.Id == id, ct)) return TypedResults.NotFound();
        // A missing list is a mistake, not "no units": it would silently unassign every unit.
        if (request.UnitIds is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitIds"] = [text["Target.UnitsRequired"]] });
        return await AssignAsync(db, audit, caller.UserName, id, request.UnitIds, ct) is { } after
            ? TypedResults.Ok(after)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitIds"] = [text["Target.UnknownUnit"]] });
    }

    /// <summary>Sets the units a target is assigned to; null when one of the units does not exist.</summary>
    public static async Task<IReadOnlyList<int>?> AssignAsync(JiaowangDb db, AuditLog audit, string actor, int id, IEnumerable<int> unitIds, CancellationToken ct)
    {
        var wanted = unitIds.Distinct().ToList();
        var known = await db.Units.Where(u => wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (known.Count != wanted.Count) return null;

        var current = await db.TargetUnits.Where(a => a.TargetId == id).ToListAsync(ct);
        var before = current.Select(a => a.UnitId).Order().ToList();
        db.TargetUnits.RemoveRange(current.Where(a => !wanted.Contains(a.UnitId)));
        db.TargetUnits.AddRange(wanted.Where(u => !before.Contains(u)).Select(u => new TargetUnit { TargetId = id, UnitId = u }));
        IReadOnlyList<int> after = wanted.Order().ToList();
        await audit.SaveAsync(db, actor, () => [new AuditRecord("TargetUnits", id.ToString(), "assign", before, after)], ct);
        return after;
    }
}

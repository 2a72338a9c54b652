using Jiaowang.Core.Meetings;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Meetings;

/// <summary>
/// Recording meetings and settling their follow-ups, shared by the pages and the API so both apply the same rules
/// and write the same audit entries.
/// </summary>
public sealed class MeetingActions(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<MeetingsText> text)
{
    public DateOnly Today => clock.Today();

    /// <summary>The units the plan names (责任单位 of any of its tasks): the owners a decision can have.</summary>
    public Task<List<UnitChoice>> PlanUnitsAsync(int planId, CancellationToken ct) =>
        db.Units.AsNoTracking().Where(u => u.Assignments.Any(a => a.Task!.Group!.PlanId == planId))
            .OrderBy(u => u.Id).Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(ct);

    public async Task<Outcome<Meeting>> CreateAsync(int planId, MeetingInput input, string by, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Refusal.NotFound(text["Problem.PlanNotFound"]);
        if (await CheckAsync(planId, input, ct) is { } invalid) return invalid;
        var meeting = new Meeting { PlanId = planId, Title = "", RecordedBy = by, RecordedAt = clock.GetUtcNow() };
        Apply(meeting, input);
        db.Meetings.Add(meeting);
        await audit.SaveAsync(db, by, () => [new AuditRecord("Meeting", meeting.Id.ToString(), "create", null, MeetingAudit.From(meeting))], ct);
        return meeting;
    }

    /// <summary>
    /// Replaces the meeting's fields and decisions with the input: rows with an id keep their follow-up (and its done
    /// record), rows without one add a follow-up, follow-ups left out are removed.
    /// </summary>
    public async Task<Outcome<Meeting>> UpdateAsync(int id, MeetingInput input, string by, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.FollowUps).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return Refusal.NotFound(text["Problem.MeetingNotFound"]);
        if (await CheckAsync(meeting.PlanId, input, ct) is { } invalid) return invalid;
        var rows = input.Decisions ?? [];
        // A row naming a follow-up that is gone (removed by someone else meanwhile), or named twice, would edit the wrong item.
        var unknown = rows.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.Id is { } fid
            && (meeting.FollowUps.All(f => f.Id != fid) || rows.Take(x.i).Any(r => r.Id == fid)));
        if (unknown.d is not null)
        {
            return Refusal.Invalid($"decisions[{unknown.i}].id", text["Problem.DecisionGone", text["Decision.Row", unknown.i + 1]]);
        }
        var before = MeetingAudit.From(meeting);
        Apply(meeting, input);
        await audit.SaveAsync(db, by, () => [new AuditRecord("Meeting", meeting.Id.ToString(), "update", before, MeetingAudit.From(meeting))], ct);
        return meeting;
    }

    async Task<Refusal?> CheckAsync(int planId, MeetingInput input, CancellationToken ct)
    {
        var units = (await PlanUnitsAsync(planId, ct)).Select(u => u.Id).ToHashSet();
        var problems = input.Validate(units, text);
        return problems.Count == 0 ? null : Refusal.Invalid(problems, problems.First().Value[0]);
    }

    static void Apply(Meeting meeting, MeetingInput input)
    {
        meeting.Kind = MeetingInput.ParseKind(input.Kind)!.Value;
        meeting.Title = input.Title!.Trim();
        meeting.HeldOn = input.HeldOn!.Value;
        meeting.Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        meeting.Attendees = (input.Attendees ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        meeting.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        var decisions = input.Decisions ?? [];
        var kept = decisions.Where(d => d.Id is not null).Select(d => d.Id!.Value).ToHashSet();
        meeting.FollowUps.RemoveAll(f => f.Id != 0 && !kept.Contains(f.Id));
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            // On a new meeting an id names nothing and the row is simply a new decision.
            var item = d.Id is { } fid ? meeting.FollowUps.SingleOrDefault(f => f.Id == fid && f.Id != 0) : null;
            if (item is null)
            {
                item = new FollowUp { Text = "" };
                meeting.FollowUps.Add(item);
            }
            item.Position = i + 1;
            item.Text = d.Text!.Trim();
            item.UnitId = d.UnitId!.Value;
            item.Deadline = d.Deadline!.Value;
        }
    }

    /// <summary>The owner unit's liaison, or the office, records that a follow-up is carried out, with a note of how.</summary>
    public async Task<Outcome<FollowUp>> MarkDoneAsync(Caller caller, int id, string? note, CancellationToken ct)
    {
        var item = await db.FollowUps.Include(f => f.Meeting).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (item is null) return Refusal.NotFound(text["Problem.FollowUpNotFound"]);
        if (!caller.IsOffice && !caller.WritesFor(item.UnitId)) return Refusal.Forbidden(text["Problem.NotYourFollowUp"]);
        if (note?.Trim().Length > 4000) return Refusal.Invalid("note", text["Problem.TooLong", 4000]);
        var before = DecisionAudit.From(item);
        switch (item.MarkDone(note ?? "", caller.UserName, clock.GetUtcNow()))
        {
            case FollowUpError.NoteRequired:
                return Refusal.Invalid("note", text["Problem.NoteRequired"]);
            case FollowUpError.AlreadyDone:
                return Refusal.Conflict(text["Problem.AlreadyDone"]);
        }
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("FollowUp", id.ToString(), "done", before, DecisionAudit.From(item))], ct);
        return item;
    }

    /// <summary>The office finds a follow-up not finished after all and opens it again.</summary>
    public async Task<Outcome<FollowUp>> ReopenAsync(Caller caller, int id, CancellationToken ct)
    {
        var item = await db.FollowUps.Include(f => f.Meeting).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (item is null) return Refusal.NotFound(text["Problem.FollowUpNotFound"]);
        if (!caller.IsOffice) return Refusal.Forbidden(text["Problem.OnlyOfficeReopens"]);
        var before = DecisionAudit.From(item);
        if (item.Reopen() is not null) return Refusal.Conflict(text["Problem.NotDone"]);
        await audit.SaveAsync(db, caller.UserName, () => [new AuditRecord("FollowUp", id.ToString(), "reopen", before, DecisionAudit.From(item))], ct);
        return item;
    }

    /// <summary>
    /// The follow-ups the caller may read (a liaison: their unit's; office and leaders: all), filtered and sorted by deadline.
    /// Statuses depend on today, so the status filter is applied after loading; a plan has tens of items, not thousands.
    /// </summary>
    public async Task<List<FollowUpItem>> FollowUpsAsync(Caller caller, int? planId, int? unitId, string? status, bool latestFirst, CancellationToken ct)
    {
        var query = db.FollowUps.AsNoTracking().Include(f => f.Meeting).AsQueryable();
        if (planId is { } p) query = query.Where(f => f.Meeting!.PlanId == p);
        if (!caller.ReadsAll) query = query.Where(f => f.UnitId == caller.UnitId);
        if (unitId is { } u) query = query.Where(f => f.UnitId == u);
        var rows = await query.Join(db.Units, f => f.UnitId, u => u.Id, (f, u) => new { f, u.Name }).ToListAsync(ct);
        var today = Today;
        var items = rows.Select(r => FollowUpItem.From(r.f, r.f.Meeting!, r.Name, today))
            .Where(i => string.IsNullOrEmpty(status) || string.Equals(i.Status, status, StringComparison.OrdinalIgnoreCase));
        items = latestFirst
            ? items.OrderByDescending(i => i.Deadline).ThenByDescending(i => i.Id)
            : items.OrderBy(i => i.Deadline).ThenBy(i => i.Id);
        return items.ToList();
    }

    public async Task<Dictionary<int, string>> UnitNamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}

public sealed record UnitChoice(int Id, string Name);

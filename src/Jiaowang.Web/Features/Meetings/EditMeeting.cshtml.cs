using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Meetings;

/// <summary>
/// The office records a meeting or edits it: its facts and a row per decision. Rows are added and removed by
/// submit buttons, so the form works with a keyboard and without script; what was typed survives each round trip.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class EditMeetingModel(JiaowangDb db, MeetingActions actions) : PageModel
{
    public sealed class DecisionRow
    {
        public int? Id { get; set; }
        public string? Text { get; set; }
        public int? UnitId { get; set; }
        public DateOnly? Deadline { get; set; }
    }

    public sealed class MeetingForm
    {
        public string Kind { get; set; } = "officeMeeting";
        public string? Title { get; set; }
        public DateOnly? HeldOn { get; set; }
        public string? Place { get; set; }
        public string? Attendees { get; set; }
        public string? Notes { get; set; }
        public List<DecisionRow> Decisions { get; set; } = [];
    }

    [BindProperty] public MeetingForm Form { get; set; } = new();
    public int? MeetingId { get; private set; }
    public int PlanId { get; private set; }
    public List<UnitChoice> Units { get; private set; } = [];
    public Dictionary<string, string[]> Problems { get; private set; } = [];

    public string? Problem(string field) => Problems.TryGetValue(field, out var messages) ? messages[0] : null;

    public async Task<IActionResult> OnGetAsync(int? id, int? planId, CancellationToken ct)
    {
        if (id is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().Include(m => m.FollowUps).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
            if (meeting is null) return NotFound();
            Form = new MeetingForm
            {
                Kind = MeetingInput.KindCode(meeting.Kind), Title = meeting.Title, HeldOn = meeting.HeldOn, Place = meeting.Place,
                Attendees = string.Join("\n", meeting.Attendees), Notes = meeting.Notes,
                Decisions = meeting.FollowUps.OrderBy(f => f.Position)
                    .Select(f => new DecisionRow { Id = f.Id, Text = f.Text, UnitId = f.UnitId, Deadline = f.Deadline }).ToList(),
            };
        }
        else
        {
            Form.HeldOn = actions.Today;
            Form.Decisions.Add(new DecisionRow());
        }
        return await LoadAsync(id, planId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddRowAsync(int? id, int? planId, CancellationToken ct)
    {
        ModelState.Clear();
        Form.Decisions.Add(new DecisionRow());
        return await LoadAsync(id, planId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveRowAsync(int? id, int? planId, int row, CancellationToken ct)
    {
        ModelState.Clear();
        if (row >= 0 && row < Form.Decisions.Count) Form.Decisions.RemoveAt(row);
        return await LoadAsync(id, planId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        // Blank rows (the empty one the form starts with) are not decisions; a half-filled row is, and is checked.
        var rows = Form.Decisions.Where(d => d.Id is not null || !string.IsNullOrWhiteSpace(d.Text) || d.UnitId is not null || d.Deadline is not null).ToList();
        Form.Decisions = rows;
        var input = new MeetingInput(Form.Kind, Form.Title, Form.HeldOn, Form.Place, MeetingInput.SplitAttendees(Form.Attendees), Form.Notes,
            rows.Select(d => new DecisionInput(d.Id, d.Text, d.UnitId, d.Deadline)).ToList());
        // A date the browser sent that is not a date leaves the field empty; the check below then names it.
        var by = (await HttpContext.GetCallerAsync())!.UserName;
        var outcome = id is { } meetingId ? await actions.UpdateAsync(meetingId, input, by, ct) : await actions.CreateAsync(PlanId, input, by, ct);
        if (outcome.Refusal is { Kind: RefusalKind.NotFound }) return NotFound();
        if (outcome.Refusal is { } refusal)
        {
            Problems = refusal.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? new() { [""] = [refusal.Message] };
            if (Form.Decisions.Count == 0) Form.Decisions.Add(new DecisionRow());
            return Page();
        }
        return Redirect($"/meetings/{outcome.Value!.Id}");
    }

    async Task<bool> LoadAsync(int? id, int? planId, CancellationToken ct)
    {
        if (id is { } meetingId)
        {
            var plan = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (int?)m.PlanId).FirstOrDefaultAsync(ct);
            if (plan is null) return false;
            MeetingId = meetingId;
            PlanId = plan.Value;
        }
        else
        {
            var plan = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, planId, ct);
            if (plan is null || !await db.Plans.AnyAsync(p => p.Id == plan, ct)) return false;
            PlanId = plan.Value;
        }
        Units = await actions.PlanUnitsAsync(PlanId, ct);
        return true;
    }
}

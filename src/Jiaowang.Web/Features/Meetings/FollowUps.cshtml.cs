using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Network;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Meetings;

/// <summary>
/// Every follow-up item across meetings with its status colour: a liaison sees and settles their unit's, the office and
/// leaders see all; filter by unit and status, sort by deadline, download as CSV.
/// </summary>
[ScopedTo(Scope.Self)]
public sealed class FollowUpsModel(JiaowangDb db, MeetingActions actions, IStringLocalizer<MeetingsText> text,
    IStringLocalizer<Jiaowang.Web.Shared.SharedResource> shared) : PageModel
{
    public static readonly string[] Statuses = ["onTrack", "atRisk", "behind", "done"];

    public Caller Caller { get; private set; } = null!;
    public int? PlanId { get; private set; }
    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];
    public int? UnitId { get; private set; }
    public string? Status { get; private set; }
    /// <summary>deadline (soonest first) or -deadline (latest first).</summary>
    public string Sort { get; private set; } = "deadline";
    public List<UnitChoice> Units { get; private set; } = [];
    public List<FollowUpItem> Items { get; private set; } = [];
    public string? Message { get; private set; }
    public int? ProblemId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? planId, int? unitId, string? status, string? sort, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(planId, unitId, status, sort, ct)) return Forbid();
        if (done is "done" or "reopened") Message = text["FollowUp." + done];
        return Page();
    }

    /// <summary>The same list as a CSV file, with a byte-order mark so that Excel and WPS read the Chinese correctly.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? planId, int? unitId, string? status, string? sort, CancellationToken ct)
    {
        if (!await LoadAsync(planId, unitId, status, sort, ct)) return Forbid();
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { "Meeting.HeldOn", "Meeting.Kind", "Meeting.Title", "Decision.Text", "Decision.Owner", "Decision.Deadline", "FollowUp.Status", "FollowUp.DoneNote", "FollowUp.DoneBy" }
                .Select(k => (string?)text[k].Value).ToList(),
        };
        rows.AddRange(Items.Select(i => (IReadOnlyList<string?>)[i.HeldOn.ToString("yyyy-MM-dd"), text["Kind." + i.MeetingKind], i.MeetingTitle, i.Text, i.UnitName,
            i.Deadline.ToString("yyyy-MM-dd"), StatusName(i.Status), i.DoneNote, i.DoneBy]));
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(CsvText.Write(rows))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"followups-{actions.Today:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, string? note, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var outcome = await actions.MarkDoneAsync(caller, id, note, ct);
        return await AfterAsync(outcome, id, "done", ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        return await AfterAsync(await actions.ReopenAsync(caller, id, ct), id, "reopened", ct);
    }

    async Task<IActionResult> AfterAsync(Outcome<Core.Meetings.FollowUp> outcome, int id, string done, CancellationToken ct)
    {
        if (outcome.Refusal is not { } refusal) return Redirect($"/followups?planId={outcome.Value!.Meeting?.PlanId}&done={done}");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        if (refusal.Kind == RefusalKind.Forbidden) return Forbid();
        await LoadAsync(null, null, null, null, ct);
        Message = refusal.Message;
        ProblemId = id;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string StatusName(string code) => shared["Status." + char.ToUpperInvariant(code[0]) + code[1..]];

    public string Href(string? sort = null, bool csv = false) =>
        "/followups?" + string.Join("&", new[]
        {
            $"planId={PlanId}", UnitId is { } u ? $"unitId={u}" : null, Status is { } s ? $"status={s}" : null,
            $"sort={sort ?? Sort}", csv ? "handler=Csv" : null,
        }.Where(p => p is not null));

    async Task<bool> LoadAsync(int? planId, int? unitId, string? status, string? sort, CancellationToken ct)
    {
        Caller = (await HttpContext.GetCallerAsync())!;
        if (Caller is null) return false;
        PlanId = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, planId, ct);
        PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, ct);
        UnitId = Caller.ReadsAll ? unitId : Caller.UnitId;
        Status = Statuses.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        Sort = sort == "-deadline" ? "-deadline" : "deadline";
        if (PlanId is { } p)
        {
            Units = Caller.ReadsAll ? await actions.PlanUnitsAsync(p, ct) : [];
            Items = Caller.ReadsAll || Caller.UnitId is not null
                ? await actions.FollowUpsAsync(Caller, p, UnitId, Status, Sort == "-deadline", ct)
                : [];
        }
        return true;
    }
}

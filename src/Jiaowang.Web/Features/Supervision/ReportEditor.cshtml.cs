using Jiaowang.Web.Shared.Access;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Supervision;

/// <summary>
/// A report: the unit's liaison writes, saves drafts and submits; the office and leaders read it with its history.
/// New reports are made on first save (<c>/work/reports/new?periodId=…&amp;taskId=…</c>).
/// </summary>
[ScopedTo(Scope.Report)]
public sealed class ReportEditorModel(JiaowangDb db, ReportActions actions, RichText richText, Audit.AuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<ReportsText> text) : PageModel
{
    public Report? Report { get; private set; }
    public ReportingPeriod? Period { get; private set; }
    public string? TaskTitle { get; private set; }
    public string UnitName { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public string? Problem { get; private set; }
    public bool Saved { get; private set; }
    public List<AttachmentItem> Attachments { get; private set; } = [];
    public List<Instruction> Instructions { get; private set; } = [];
    public bool CanInstruct => User.IsInRole(Accounts.Roles.Leader);
    public bool CanAnswer { get; private set; }
    /// <summary>The task's measures (the plan's and the unit's accepted work plan's) with the progress this report gives.</summary>
    public List<Tasks.MeasureProgressItem> Measures { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? PeriodId { get; set; }
    [BindProperty(SupportsGet = true)] public int? TaskId { get; set; }
    [BindProperty] public string? Text { get; set; }
    /// <summary>The three sections (完成情况 / 存在问题 / 下一步打算); a form that posts none of them posts <see cref="Text"/>.</summary>
    [BindProperty] public string? Done { get; set; }
    [BindProperty] public string? Problems { get; set; }
    [BindProperty] public string? Next { get; set; }
    [BindProperty] public int Version { get; set; }

    public string Show(string html) => richText.Clean(html);

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ?? Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(string id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    public async Task<IActionResult> OnPostInstructAsync(string id, string? instruction, CancellationToken ct)
    {
        if (!CanInstruct) return Forbid();
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (!int.TryParse(id, out var reportId) || await actions.FindAsync(caller, reportId, ct: ct) is not { } report) return NotFound();
        var outcome = await InstructionsApi.InstructAsync(db, audit, clock, text, caller.UserName, instruction, [report.UnitId], reportId, null, ct);
        if (outcome.Succeeded) return Redirect($"/work/reports/{reportId}?saved=true");
        var loaded = await LoadAsync(id, ct);
        Problem = outcome.Refusal!.Message;
        return loaded ?? Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string id, int instructionId, string? answer, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        var outcome = await InstructionsApi.AnswerAsync(caller, instructionId, answer, db, audit, clock, text, ct);
        if (outcome.Refusal is not { } refusal) return Redirect($"/work/reports/{id}?saved=true");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        var loaded = await LoadAsync(id, ct);
        Problem = refusal.Message;
        return loaded ?? Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(string id, IFormFile? file, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (!int.TryParse(id, out var reportId)) return NotFound();
        var content = Array.Empty<byte>();
        if (file is not null && file.Length <= Core.Reporting.AttachmentRules.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        else if (file is not null) content = new byte[Core.Reporting.AttachmentRules.MaxBytes + 1];
        var outcome = await actions.AttachAsync(caller, reportId, file?.FileName ?? "", content, ct);
        if (outcome.Refusal is not { } refusal) return Redirect($"/work/reports/{reportId}?saved=true");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        var loaded = await LoadAsync(id, ct);
        Problem = refusal.Message;
        return loaded ?? Page();
    }

    /// <summary>The liaison's progress per measure: keys "p{measureId}" or "w{workPlanMeasureId}", a status each (empty: not said) and a note.</summary>
    public async Task<IActionResult> OnPostMeasuresAsync(string id, string[]? measureKey, string[]? measureStatus, string[]? measureNote,
        [FromServices] Tasks.ReportMeasures measures, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (!int.TryParse(id, out var reportId)) return NotFound();
        var items = new List<Tasks.MeasureProgressInput>();
        for (var i = 0; i < (measureKey?.Length ?? 0); i++)
        {
            var key = measureKey![i] ?? "";
            var status = measureStatus?.ElementAtOrDefault(i);
            if (string.IsNullOrEmpty(status) || key.Length < 2 || !int.TryParse(key[1..], out var measureId)) continue;
            items.Add(new Tasks.MeasureProgressInput(key[0] == 'p' ? measureId : null, key[0] == 'w' ? measureId : null, status, measureNote?.ElementAtOrDefault(i)));
        }
        var outcome = await measures.SaveAsync(caller, reportId, new Tasks.ReportMeasuresInput(items), ct);
        if (outcome.Refusal is not { } refusal) return Redirect($"/work/reports/{reportId}?saved=true#measures-heading");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        if (refusal.Kind == RefusalKind.Forbidden) return Forbid();
        var loaded = await LoadAsync(id, ct);
        Problem = refusal.Message;
        return loaded ?? Page();
    }

    async Task<IActionResult> SaveAsync(string id, bool submit, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (Done is not null || Problems is not null || Next is not null)
            Text = ReportSections.Compose(richText.Clean(Done), richText.Clean(Problems), richText.Clean(Next));
        Outcome<Report> outcome;
        if (id == "new")
        {
            outcome = await actions.CreateAsync(caller, PeriodId ?? 0, TaskId, Text, ct);
            if (outcome.Value is { } created && submit) outcome = await actions.SubmitAsync(caller, created.Id, created.Version, ct);
        }
        else if (int.TryParse(id, out var reportId))
        {
            outcome = await actions.EditAsync(caller, reportId, Text, Version, ct);
            if (outcome.Value is { } edited && submit) outcome = await actions.SubmitAsync(caller, reportId, edited.Version, ct);
        }
        else return NotFound();

        if (outcome.Refusal is not { } refusal) return Redirect($"/work/reports/{outcome.Value!.Id}?saved=true");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        var loaded = await LoadAsync(id, ct);
        Problem = refusal.Message;
        return loaded ?? Page();
    }

    async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (id == "new")
        {
            if (caller.UnitId is not { } unitId) return Forbid();
            Period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PeriodId, ct);
            if (Period is null) return NotFound();
            UnitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
            CanEdit = true;
        }
        else
        {
            if (!int.TryParse(id, out var reportId) || await actions.FindAsync(caller, reportId, withVersions: true, ct) is not { } report) return NotFound();
            Report = report;
            Period = report.Period;
            TaskId = report.TaskId;
            UnitName = await db.Units.Where(u => u.Id == report.UnitId).Select(u => u.Name).SingleAsync(ct);
            CanEdit = caller.WritesFor(report.UnitId) && report.IsEditable;
            // After a refused save the form keeps what the person typed; otherwise it shows the stored text.
            if (Problem is null && Request.Method == HttpMethods.Get) Text = report.Text;
            Version = report.Version;
            Attachments = await AttachmentsApi.ItemsAsync(db, report.Id, ct);
            Instructions = await db.Instructions.AsNoTracking().Where(i => i.ReportId == report.Id).OrderBy(i => i.Id).ToListAsync(ct);
            CanAnswer = caller.WritesFor(report.UnitId);
            Measures = await HttpContext.RequestServices.GetRequiredService<Tasks.ReportMeasures>().ItemsAsync(report.Id, report.TaskId, report.UnitId, ct);
        }
        if (Done is null && Problems is null && Next is null)
        {
            // A report written before the sections opens with its free text in the first one.
            var sections = ReportSections.Split(Text) ?? [Text ?? "", "", ""];
            (Done, Problems, Next) = (sections[0], sections[1], sections[2]);
        }
        TaskTitle = TaskId is { } t ? await db.Tasks.Where(x => x.Id == t).Select(x => x.Number + ". " + x.Title).FirstOrDefaultAsync(ct) : null;
        return null;
    }
}

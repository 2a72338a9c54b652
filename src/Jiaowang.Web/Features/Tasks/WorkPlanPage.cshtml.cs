using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Tasks;

/// <summary>
/// A task's units' work plans (具体工作方案): a responsible unit's liaison writes or uploads its own and sees the office's
/// decision; the office and leaders read every unit's, and the office accepts or returns each.
/// </summary>
[Authorize]
[ScopedTo(Scope.Plan)]
public sealed partial class WorkPlanPageModel(JiaowangDb db, WorkPlanActions actions) : PageModel
{
    public int TaskId { get; private set; }
    public string TaskTitle { get; private set; } = "";
    public Caller Caller { get; private set; } = null!;
    /// <summary>True when the caller's unit leads or supports the task, so it may write a work plan for it.</summary>
    public bool Responsible { get; private set; }
    public List<WorkPlanItem> Plans { get; private set; } = [];
    public WorkPlanItem? Own => Caller.UnitId is { } unit ? Plans.FirstOrDefault(p => p.UnitId == unit) : null;
    public string? Problem { get; private set; }
    public bool Saved { get; private set; }
    [BindProperty] public string? Text { get; set; }
    /// <summary>One measure a line; a date (2026-09-30) at the end of the line is its due date.</summary>
    [BindProperty] public string? MeasureLines { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var measures = (MeasureLines ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => DueAtEnd().Match(line) is { Success: true } m && DateOnly.TryParse(m.Groups[2].Value, out var due)
                ? new WorkPlanMeasureInput(m.Groups[1].Value.Trim(), null, due)
                : new WorkPlanMeasureInput(line, null, null)).ToList();
        return await AfterAsync(id, await actions.SaveAsync(caller, id, new WorkPlanInput(Text, measures), ct), ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var content = Array.Empty<byte>();
        if (file is not null && file.Length <= Core.Reporting.AttachmentRules.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        else if (file is not null) content = new byte[Core.Reporting.AttachmentRules.MaxBytes + 1];
        return await AfterAsync(id, await actions.UploadForTaskAsync(caller, id, file?.FileName ?? "", content, ct), ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, int workPlanId, bool accept, string? comment, CancellationToken ct) =>
        await AfterAsync(id, await actions.ReviewAsync((await HttpContext.GetCallerAsync())!, workPlanId, accept, comment, ct), ct);

    async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.Refusal is not { } refusal) return Redirect($"/work/tasks/{id}/workplan?saved=true");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        if (refusal.Kind == RefusalKind.Forbidden) return Forbid();
        var loaded = await LoadAsync(id, ct);
        Problem = refusal.Message;
        // The form comes back with the message and what was typed, as a 400 so that scripts see the refusal.
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return loaded ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        Caller = caller;
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Number, t.Title }).FirstOrDefaultAsync(ct);
        if (task is null) return NotFound();
        TaskId = id;
        TaskTitle = $"{task.Number}. {task.Title}";
        Responsible = caller.UnitId is { } unit && await db.Assignments.AnyAsync(a => a.PlanTaskId == id && a.UnitId == unit, ct);
        if (!caller.ReadsAll && !Responsible) return Forbid();
        Plans = await actions.ForTaskAsync(caller, id, ct);
        if (Request.Method == HttpMethods.Get && Own is { } own)
        {
            Text = own.Text;
            MeasureLines = string.Join("\n", own.Measures.Select(m => m.Due is { } d ? $"{m.Text} {d:yyyy-MM-dd}" : m.Text));
        }
        return null;
    }

    [GeneratedRegex(@"^(.*?)[\s　]+(\d{4}-\d{1,2}-\d{1,2})$")]
    private static partial Regex DueAtEnd();
}

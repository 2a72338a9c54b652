using Jiaowang.Core.Documents;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Jiaowang.Web.Shared.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Plans;

/// <summary>
/// The office uploads a plan document, sees what Jiaowang read (with every warning and its line) and imports it.
/// Both buttons send the file again, so nothing half-read is kept between the two steps.
/// </summary>
[Authorize(Policy = Policies.Office)]
[RequestSizeLimit(PlanUpload.MaxBytes)]
public sealed class ImportModel(PlanImporter importer, PlanReviser reviser, JiaowangDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The stored plan the document revises (docs/plan-parser.md, "Revisions"); null to import it as a plan.</summary>
    [BindProperty]
    public int? RevisePlanId { get; set; }

    public PlanRevisionOutcome? Revision { get; private set; }
    public List<(int Id, string Title)> StoredPlans { get; private set; } = [];

    [BindProperty]
    public IFormFile? Document { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    public ParsedPlan? Preview { get; private set; }
    public string? FileName { get; private set; }
    public string? Problem { get; private set; }
    public PlanImportOutcome? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadPlansAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadPlansAsync(ct);
        var read = await ReadAsync(ct);
        if (read?.Plan is null) return Page();
        // A revised text of a stored plan (same document number, or title) is previewed as a revision of it.
        RevisePlanId ??= await reviser.FindRevisedPlanAsync(read.Plan, read.Text!, ct);
        if (RevisePlanId is { } planId) await ReviseAsync(planId, read, apply: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviseAsync(CancellationToken ct)
    {
        await LoadPlansAsync(ct);
        var read = await ReadAsync(ct);
        if (read?.Plan is null) return Page();
        if (RevisePlanId is not { } planId)
        {
            Problem = text["Revise.NoPlan"];
            return Page();
        }
        await ReviseAsync(planId, read, apply: true, ct);
        return Revision is { Status: PlanRevisionStatus.Applied } ? Redirect($"/plans/{planId}/revisions") : Page();
    }

    async Task ReviseAsync(int planId, PlanReadResult read, bool apply, CancellationToken ct)
    {
        var by = (await HttpContext.GetCallerAsync())!.UserName;
        Revision = await reviser.ReviseAsync(planId, read.Plan!, FileName!, read.Text!, by, apply, ct);
        Problem = RevisionText.Problem(Revision, read.Plan!, text);
    }

    async Task LoadPlansAsync(CancellationToken ct) =>
        StoredPlans = (await db.Plans.AsNoTracking().OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadPlansAsync(ct);
        var read = await ReadAsync(ct);
        if (read?.Plan is null) return Page();
        Outcome = await importer.ImportAsync(read.Plan, FileName!, read.Text!, Replace, ct);
        if (Outcome.Status is PlanImportStatus.AlreadyImported or PlanImportStatus.HasReports) return Page();
        return Redirect($"/plans/{Outcome.PlanId}");
    }

    async Task<PlanReadResult?> ReadAsync(CancellationToken ct)
    {
        if (Document is null || Document.Length == 0)
        {
            Problem = text["Import.NoFile"];
            return null;
        }
        FileName = Path.GetFileName(Document.FileName);
        var read = await PlanUpload.ReadAsync(Document, ct);
        if (read.Error is { } error)
        {
            Problem = error.Message;
            return null;
        }
        Preview = read.Plan;
        return read;
    }
}

public static class PlanUpload
{
    /// <summary>Plan documents are tens of kilobytes; 20 MB leaves room for a .docx with images.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static async Task<PlanReadResult> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return PlanDocumentReader.Read(Path.GetFileName(file.FileName), buffer.ToArray());
    }
}

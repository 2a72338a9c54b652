using Jiaowang.Core.Documents;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared;
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
public sealed class ImportModel(PlanImporter importer, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public IFormFile? Document { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    public ParsedPlan? Preview { get; private set; }
    public string? FileName { get; private set; }
    public string? Problem { get; private set; }
    public PlanImportOutcome? Outcome { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await ReadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
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

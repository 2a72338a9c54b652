using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Spreadsheets;

/// <summary>
/// The office uploads a readings workbook, sees what it would add, change and leave unchanged (or every bad cell), then
/// confirms. The checked file travels back in the form, so nothing is kept on the server between the two steps.
/// </summary>
[Authorize(Policy = Policies.Office)]
[RequestSizeLimit(SpreadsheetsApi.MaxUpload * 2)]
[RequestFormLimits(MultipartBodyLengthLimit = SpreadsheetsApi.MaxUpload * 2, ValueLengthLimit = (int)SpreadsheetsApi.MaxUpload * 2)]
public sealed class ImportReadingsModel(JiaowangDb db, ReadingImporter importer, IStringLocalizer<SpreadsheetText> text) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The previewed file, base64, posted back with the confirmation.</summary>
    [BindProperty] public string? Checked { get; set; }
    [BindProperty] public string? CheckedName { get; set; }

    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public ReadingImportSummary? Preview { get; private set; }
    public ReadingImportSummary? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Upload is null || Upload.Length == 0)
        {
            Errors = [new ImportError("", null, null, null, text["Import.NoFile"])];
            return Page();
        }
        if (Upload.Length > SpreadsheetsApi.MaxUpload)
        {
            Errors = [new ImportError(Upload.FileName, null, null, null, text["Import.TooLarge", SpreadsheetsApi.MaxUpload / 1024 / 1024])];
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var outcome = await importer.ImportAsync(id, new MemoryStream(bytes), Upload.FileName, (await HttpContext.GetCallerAsync())!.UserName, dryRun: true, ct);
        Errors = outcome!.Value.Errors;
        Preview = outcome.Value.Summary;
        if (Preview is not null)
        {
            Checked = Convert.ToBase64String(bytes);
            CheckedName = Path.GetFileName(Upload.FileName);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Checked ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }
        if (bytes.Length == 0)
        {
            Errors = [new ImportError("", null, null, null, text["Import.NoFile"])];
            return Page();
        }
        // Checked again: the data may have changed since the preview, and the posted file is the client's word.
        var outcome = await importer.ImportAsync(id, new MemoryStream(bytes), CheckedName ?? "upload.xlsx", (await HttpContext.GetCallerAsync())!.UserName, dryRun: false, ct);
        Errors = outcome!.Value.Errors;
        Done = outcome.Value.Summary;
        Checked = null;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        PlanId = id;
        PlanTitle = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(ct) ?? "";
        return PlanTitle.Length > 0;
    }
}

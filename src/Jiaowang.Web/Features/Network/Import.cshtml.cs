using Jiaowang.Core.Network;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Network;

/// <summary>The office uploads a partner file; every bad cell is listed and nothing is stored, or all rows are added.</summary>
[Authorize(Policy = Policies.Office)]
[RequestSizeLimit(10 * 1024 * 1024)]
public sealed class ImportModel(PartnerImporter importer) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<CellProblem> Problems { get; private set; } = [];
    public int? Added { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) { Problems = [new CellProblem("", 0, "", NetworkMessages.Format("Problem.Empty"))]; return Page(); }
        await using var content = Upload.OpenReadStream();
        var result = await importer.ImportAsync(Upload.FileName, content, (await HttpContext.GetCallerAsync())!.UserName, ct);
        Problems = result.Problems;
        Added = result.Ok ? result.Added : null;
        return Page();
    }
}

using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.CoSigning;

/// <summary>
/// One co-signed summary (/work/summaries/{id}) with its signatures: a co-unit signs or refuses; the office accepts
/// (with an override reason while a co-unit has not answered) or returns it.
/// </summary>
[ScopedTo(Scope.Summary)]
public sealed class SignModel(SummaryActions actions, RichText richText) : PageModel
{
    public SummaryItem Summary { get; private set; } = null!;
    public bool CanAnswer { get; private set; }
    public bool CanReview { get; private set; }
    public bool IsLead { get; private set; }
    public string? Problem { get; private set; }

    public string Show(string html) => richText.Clean(html);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync(int id, string decision, string? comment, int version, CancellationToken ct) =>
        await AfterAsync(id, await actions.AnswerAsync((await HttpContext.GetCallerAsync())!, id, decision == "sign", comment, version, ct), ct);

    public async Task<IActionResult> OnPostReviewAsync(int id, string decision, string? comment, int version, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var outcome = decision == "accept"
            ? await actions.AcceptAsync(caller, id, string.IsNullOrWhiteSpace(comment) ? null : comment, version, ct)
            : await actions.ReturnAsync(caller, id, comment, version, ct);
        return await AfterAsync(id, outcome, ct);
    }

    async Task<IActionResult> AfterAsync(int id, Outcome<SummaryItem> outcome, CancellationToken ct)
    {
        if (outcome.Succeeded) return Redirect($"/work/summaries/{id}");
        if (outcome.Refusal!.Kind == RefusalKind.NotFound) return NotFound();
        Problem = outcome.Refusal.Message;
        return await LoadAsync(id, ct) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        if (await actions.FindAsync(caller, id, ct) is not { } summary) return NotFound();
        Summary = await actions.ItemAsync(summary, ct);
        CanAnswer = Summary.State == "signing" && Summary.Signatures.Any(s => s.UnitId == caller.UnitId);
        CanReview = Summary.State == "signing" && caller.IsOffice;
        IsLead = caller.UnitId == Summary.LeadUnitId;
        return null;
    }
}

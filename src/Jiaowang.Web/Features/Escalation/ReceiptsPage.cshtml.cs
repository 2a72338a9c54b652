using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Escalation;

/// <summary>The unit's liaison acknowledges (签收) what reached the unit; the list is also on the work page.</summary>
[Authorize(Policy = Policies.Liaison), ScopedTo(Scope.Notice)]
public sealed class ReceiptsPageModel(ReceiptService receipts) : PageModel
{
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? kind, int id, CancellationToken ct)
    {
        var outcome = await receipts.AcknowledgeAsync((await HttpContext.GetCallerAsync())!, kind, id, ct);
        if (outcome.Refusal is { Kind: RefusalKind.NotFound }) return NotFound();
        // The form's fields are hidden: a kind the page did not write is a forged request.
        if (outcome.Refusal is { Kind: RefusalKind.Invalid }) return BadRequest();
        if (outcome.Refusal is { } refusal)
        {
            Problems = refusal.Messages;
            return Page();
        }
        return Redirect("/work/receipts");
    }
}

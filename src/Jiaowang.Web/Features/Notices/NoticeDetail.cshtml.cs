using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Notices;

/// <summary>One notice with its history; the unit acknowledges and answers, the office verifies.</summary>
[Authorize, ScopedTo(Scope.Notice)]
public sealed class NoticeDetailModel(JiaowangDb db, NoticeService notices, ReceiptService receipts, NoticeColours colours) : PageModel
{
    public NoticeDetail Detail { get; private set; } = null!;
    public bool IsOffice { get; private set; }
    public bool IsUnit { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct) =>
        await Done(id, (await receipts.AcknowledgeAsync(await CallerAsync(), "notice", id, ct)).Refusal, ct);

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct) =>
        await Done(id, (await notices.AnswerAsync(await CallerAsync(), id, Answer, ct)).Refusal, ct);

    public async Task<IActionResult> OnPostVerifyAsync(int id, bool close, CancellationToken ct)
    {
        var caller = await CallerAsync();
        if (!caller.IsOffice) return Forbid();
        return await Done(id, (await notices.VerifyAsync(caller, id, new NoticeVerification(close, Comment), ct)).Refusal, ct);
    }

    async Task<Caller> CallerAsync() => (await HttpContext.GetCallerAsync())!;

    async Task<IActionResult> Done(int id, Refusal? refusal, CancellationToken ct)
    {
        if (refusal is null) return Redirect($"/notices/{id}");
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        if (refusal.Kind == RefusalKind.Forbidden) return Forbid();
        Problems = refusal.Messages;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var caller = await CallerAsync();
        if (await NoticeQueries.DetailAsync(db, colours, caller, id, ct) is not { } detail) return false;
        Detail = detail;
        IsOffice = caller.IsOffice;
        IsUnit = caller.WritesFor(detail.Notice.UnitId);
        return true;
    }
}

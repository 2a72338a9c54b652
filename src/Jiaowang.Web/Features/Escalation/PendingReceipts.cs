using Microsoft.AspNetCore.Mvc;

namespace Jiaowang.Web.Features.Escalation;

/// <summary>On the liaison's work page: what reached the unit and waits for its acknowledgement (签收), each with a button.</summary>
public sealed class PendingReceipts(ReceiptService receipts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var caller = await HttpContext.GetCallerAsync();
        var pending = caller?.UnitId is { } unit ? await receipts.PendingAsync(unit) : [];
        return View("~/Features/Escalation/_PendingReceipts.cshtml", pending);
    }
}

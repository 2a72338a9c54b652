using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Portfolio;

/// <summary>Every plan side by side (工作方案总览), for the office and leaders: phase, target and task colours, late units.</summary>
[Authorize(Policy = Policies.ReadAll)]
public sealed class PortfolioPageModel(JiaowangDb db, SupervisionCache cache, TimeProvider clock, IOptions<ReportingOptions> options) : PageModel
{
    public IReadOnlyList<PortfolioPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await PortfolioApi.LoadAsync(db, cache, clock, options.Value, ct);
}

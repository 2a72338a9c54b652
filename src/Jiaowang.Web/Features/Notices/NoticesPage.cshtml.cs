using Jiaowang.Web.Data;
using Jiaowang.Web.Shared.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Notices;

/// <summary>The list of supervision notices: the office sees all, a liaison its unit's; filter by status and colour, sort, page.</summary>
[Authorize, ScopedTo(Scope.Notice)]
public sealed class NoticesPageModel(JiaowangDb db, NoticeColours colours) : PageModel
{
    public NoticePage Notices { get; private set; } = new([], 0, 1, NoticeQueries.PageSize, 0, 0, 0);
    public string? Status { get; private set; }
    public string? Colour { get; private set; }
    public string? Sort { get; private set; }
    public bool IsOffice { get; private set; }

    public async Task OnGetAsync(string? status, string? colour, string? sort, int? page, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        IsOffice = caller.IsOffice;
        Status = status is "open" or "answered" or "closed" or "unclosed" ? status : null;
        Colour = colour is "blue" or "yellow" or "red" ? colour : null;
        Sort = NoticeQueries.Sorts.Contains(sort) ? sort : null;
        Notices = await NoticeQueries.ListAsync(db, colours, caller, Status, Colour, Sort, page ?? 1, NoticeQueries.PageSize, ct);
    }

    public string Link(string? status = "", string? colour = "", string? sort = "", int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = status == "" ? Status : status, ["colour"] = colour == "" ? Colour : colour, ["sort"] = sort == "" ? Sort : sort,
            ["page"] = page?.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/notices", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Shared;

/// <summary>
/// A signed-in page kept as it was rendered for its reader, for as long as the kept data it shows: the entries hang on
/// that data's instance (a dashboard model, which any committed write or its lifetime replaces), so a page is never
/// older than the data it was made from. Rendering the 130 KB dashboard was most of a signed-in request once its model
/// was kept (docs/PERFORMANCE.md, "Signed-in pages").
/// <para>
/// Kept per account, language, day, path and query: everything else on such a page (the name in the header, the menus of the
/// roles, the bell, the leader's own tasks and notices) belongs to the account, and whatever changes it is a write. The
/// one part that differs per request is the antiforgery token in its forms, which is bound to the browser's antiforgery
/// cookie: it is cut out of the kept page, and each request gets its own put back in (a browser that comes back gets the
/// one it was given before: <see cref="KeptAntiforgeryTokens"/>).
/// </para>
/// <para>
/// Browsers that accept gzip get the page compressed (<see cref="KeptPage"/>): the dashboard's 85 KB are 10 KB sent.
/// </para>
/// </summary>
public sealed class KeptPages(IAntiforgery antiforgery, TimeProvider clock)
{
    /// <summary>The most pages kept per data instance (accounts × languages × addresses); past it, pages are rendered as usual.</summary>
    public const int PerData = 64;

    sealed class Kept
    {
        public readonly ConcurrentDictionary<string, KeptPage> Pages = new();
    }

    readonly ConditionalWeakTable<object, Kept> byData = new();

    /// <summary>
    /// The page kept for this reader of <paramref name="data"/>, or null: the handler then returns its page as usual,
    /// and <see cref="KeepAttribute"/> keeps what it renders.
    /// </summary>
    public IActionResult? Find(HttpContext http, object data)
    {
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } account) return null;
        var kept = byData.GetValue(data, _ => new Kept());
        // The query too: the layout's language link repeats it. The day too: a page may show data kept under no day (a
        // unit's detail) beside panels judged on today (what is overdue), and the next day must judge them again.
        var key = string.Join('\n', account, CultureInfo.CurrentUICulture.Name, Clock.Today(clock).ToString("O", CultureInfo.InvariantCulture),
            http.Request.Path.Value + http.Request.QueryString.Value);
        if (kept.Pages.TryGetValue(key, out var page)) return new KeptResult(this, page);
        http.Items[typeof(KeptPages)] = (kept, key);
        return null;
    }

    /// <summary>This request's antiforgery token, the one every form rendered in this request holds.</summary>
    byte[] TokenFor(HttpContext http) => System.Text.Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(http).RequestToken ?? "");

    static Task WriteAsync(HttpContext http, KeptPage page, byte[] token) => page.SendAsync(http, "text/html; charset=utf-8", token);

    sealed class KeptResult(KeptPages pages, KeptPage page) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            WriteAsync(context.HttpContext, page, page.TokenCount > 0 ? pages.TokenFor(context.HttpContext) : []);
    }

    /// <summary>On a page model whose handler asks <see cref="Find"/>: keeps the page it renders when nothing was kept.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class KeepAttribute : Attribute, IAsyncResultFilter
    {
        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (context.Result is not PageResult || http.Items[typeof(KeptPages)] is not (Kept kept, string key))
            {
                await next();
                return;
            }
            var body = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try
            {
                await next();
            }
            finally
            {
                http.Response.Body = body;
            }
            var rendered = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (http.Response.StatusCode != StatusCodes.Status200OK || kept.Pages.Count >= PerData)
            {
                http.Response.ContentLength = rendered.Length;
                await body.WriteAsync(buffer.GetBuffer().AsMemory(0, rendered.Length), http.RequestAborted);
                return;
            }
            // The same token is handed to every form of one request, and to this request's later asks: the page holds it.
            var pages = http.RequestServices.GetRequiredService<KeptPages>();
            var token = pages.TokenFor(http);
            var page = kept.Pages.GetOrAdd(key, KeptPage.Of(rendered, token));
            await WriteAsync(http, page, token);
        }
    }
}

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
/// Kept per account, language, path and query: everything else on such a page (the name in the header, the menus of the
/// roles, the bell, the leader's own tasks and notices) belongs to the account, and whatever changes it is a write. The
/// one part that differs per request is the antiforgery token in its forms, which is bound to the browser's antiforgery
/// cookie: it is cut out of the kept page, and each request gets its own put back in.
/// </para>
/// </summary>
public sealed class KeptPages(IAntiforgery antiforgery)
{
    /// <summary>The most pages kept per data instance (accounts × languages × addresses); past it, pages are rendered as usual.</summary>
    public const int PerData = 64;

    sealed class Kept
    {
        public readonly ConcurrentDictionary<string, byte[][]> Pages = new();
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
        // The query too: the layout's language link repeats it.
        var key = string.Join('\n', account, CultureInfo.CurrentUICulture.Name, http.Request.Path.Value + http.Request.QueryString.Value);
        if (kept.Pages.TryGetValue(key, out var segments)) return new KeptResult(segments, antiforgery);
        http.Items[typeof(KeptPages)] = (kept, key);
        return null;
    }

    static async Task WriteAsync(HttpContext http, byte[][] segments, byte[]? token)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.ContentLength = segments.Sum(s => (long)s.Length) + (segments.Length - 1) * (long)(token?.Length ?? 0);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0) await http.Response.Body.WriteAsync(token, http.RequestAborted);
            await http.Response.Body.WriteAsync(segments[i], http.RequestAborted);
        }
    }

    /// <summary>The page cut at each occurrence of the token: n + 1 pieces for n occurrences.</summary>
    static byte[][] Cut(byte[] page, byte[] token)
    {
        var pieces = new List<byte[]>();
        var rest = page.AsSpan();
        int at;
        while (token.Length > 0 && (at = rest.IndexOf(token)) >= 0)
        {
            pieces.Add(rest[..at].ToArray());
            rest = rest[(at + token.Length)..];
        }
        pieces.Add(rest.ToArray());
        return [.. pieces];
    }

    sealed class KeptResult(byte[][] segments, IAntiforgery antiforgery) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var token = segments.Length > 1 ? System.Text.Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(context.HttpContext).RequestToken!) : null;
            return WriteAsync(context.HttpContext, segments, token);
        }
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
            var rendered = buffer.ToArray();
            if (http.Response.StatusCode == StatusCodes.Status200OK && kept.Pages.Count < PerData)
            {
                // The same token string is handed to every form of one request: this is the one the page holds.
                var token = AntiforgeryOf(http).GetAndStoreTokens(http).RequestToken ?? "";
                kept.Pages.TryAdd(key, Cut(rendered, System.Text.Encoding.UTF8.GetBytes(token)));
            }
            http.Response.ContentLength = rendered.Length;
            await body.WriteAsync(rendered, http.RequestAborted);
        }

        static IAntiforgery AntiforgeryOf(HttpContext http) => http.RequestServices.GetRequiredService<IAntiforgery>();
    }
}

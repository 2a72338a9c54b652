using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Errors;

/// <summary>What a person sees when a page is missing or the server failed: in their language, with a reference to quote.</summary>
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string RequestId { get; private set; } = "";
    public string? OriginalPath { get; private set; }
    /// <summary>Why a form was refused by the text input rule (Shared/TextInputFilters), one line per field.</summary>
    public IReadOnlyList<string> InputErrors { get; private set; } = [];

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        Code = code ?? 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        InputErrors = HttpContext.Items[Jiaowang.Web.Shared.TextInputFilters.PageErrorsKey] as IReadOnlyList<string> ?? [];
        Response.StatusCode = Code;
    }
}

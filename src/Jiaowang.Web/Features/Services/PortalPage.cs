using Jiaowang.Core.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

/// <summary>
/// A public portal page: anonymous, in the language of its URL prefix (set by <see cref="ServicesSetup.UsePortalLanguage"/>),
/// laid out by _PortalLayout (hreflang alternates, language menu, no app navigation).
/// </summary>
[AllowAnonymous]
public abstract class PortalPage : PageModel
{
    [BindProperty(SupportsGet = true)] public string Lang { get; set; } = PortalLanguages.Chinese;

    public bool ShowsUnpublished => User.IsInRole(Accounts.Roles.Office) || User.IsInRole(Accounts.Roles.Admin);

    /// <summary>This page's address in another portal language.</summary>
    public string In(string lang) => "/" + lang + Request.Path.Value![(Lang.Length + 1)..];
}

/// <summary>The languages a portal page offers, for the layout.</summary>
public sealed class PortalLanguageMenu(IOptions<PortalOptions> options)
{
    public IReadOnlyList<string> Languages => options.Value.Effective;
}

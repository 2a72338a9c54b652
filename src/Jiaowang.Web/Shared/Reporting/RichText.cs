using Ganss.Xss;

namespace Jiaowang.Web.Shared.Reporting;

/// <summary>
/// Report text is rich text written in the browser; it is cleaned on the way in with a small allow-list, so that what is
/// stored can be shown back as HTML without carrying a script or a <c>javascript:</c> link.
/// </summary>
public sealed class RichText
{
    readonly HtmlSanitizer sanitizer;

    public RichText()
    {
        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                { "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "a" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
        });
    }

    /// <summary>Plain text (no tags) is kept as paragraphs; HTML is reduced to the allow-list.</summary>
    public string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var html = text.Contains('<')
            ? text
            : string.Concat(text.Replace("\r\n", "\n").Split("\n\n").Select(p =>
                "<p>" + System.Net.WebUtility.HtmlEncode(p.Trim()).Replace("\n", "<br>") + "</p>"));
        return sanitizer.Sanitize(html).Trim();
    }

    /// <summary>
    /// Plain-text fields (sources, comments) are shown encoded, but are also handed to scripts through the API:
    /// markup and script URLs are refused there rather than stored.
    /// </summary>
    public static bool IsSafePlainText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return true;
        var squeezed = new string(text.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return !squeezed.Contains("<script", StringComparison.OrdinalIgnoreCase)
               && !squeezed.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
               && !System.Text.RegularExpressions.Regex.IsMatch(text, @"<\s*[a-zA-Z/!]");
    }
}

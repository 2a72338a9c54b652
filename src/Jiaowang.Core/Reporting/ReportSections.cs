using System.Text.RegularExpressions;

namespace Jiaowang.Core.Reporting;

/// <summary>
/// A structured report (issue 12 item 6): 完成情况 / 存在问题 / 下一步打算, stored in the report's one rich text as three
/// <c>&lt;h3&gt;</c> sections, so that every view and document that prints a report's text prints the sections, and a
/// report written before the sections existed (free text) still displays as it was.
/// </summary>
public static partial class ReportSections
{
    public static readonly IReadOnlyList<string> Headings = ["完成情况", "存在问题", "下一步打算"];

    /// <summary>The three sections' (already cleaned) HTML as one text; empty when all three are empty.</summary>
    public static string Compose(string? done, string? problems, string? next)
    {
        string[] bodies = [done?.Trim() ?? "", problems?.Trim() ?? "", next?.Trim() ?? ""];
        if (bodies.All(IsBlank)) return "";
        return string.Concat(Headings.Select((h, i) => $"<h3>{h}</h3>{bodies[i]}"));
    }

    /// <summary>The three sections of a structured text, or null for free text written without them.</summary>
    public static string[]? Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = Structured().Match(text.Trim());
        return match.Success ? [match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim(), match.Groups[3].Value.Trim()] : null;
    }

    static bool IsBlank(string html) => string.IsNullOrWhiteSpace(Tags().Replace(html, "").Replace("&nbsp;", ""));

    [GeneratedRegex(@"^<h3>\s*完成情况\s*</h3>(.*?)<h3>\s*存在问题\s*</h3>(.*?)<h3>\s*下一步打算\s*</h3>(.*)$", RegexOptions.Singleline)]
    private static partial Regex Structured();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

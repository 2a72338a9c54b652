using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Word;

/// <summary>A stretch of text with one look. A line break inside a paragraph is a run whose text is "\n".</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false, bool Underline = false);

/// <summary>A paragraph of report text, ready to be written as one Word paragraph.</summary>
/// <param name="Marker">"1." for an item of a numbered list, "·" for a bulleted one; null for a plain paragraph.</param>
public sealed record TextBlock(IReadOnlyList<TextRun> Runs, string? Marker = null)
{
    public string PlainText => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>
/// Turns the report text people write in the browser — HTML already reduced to a small allow-list (p, br, strong, em,
/// u, lists, h3/h4, blockquote, tables, links) — into paragraphs and runs. Tags never reach the document: unknown ones
/// are dropped and their text kept, entities are decoded.
/// </summary>
public static partial class RichTextBlocks
{
    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>|<!--.*?-->|([^<]+)|<", RegexOptions.Singleline)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
        { "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "ul", "ol", "table", "thead", "tbody" };

    public static IReadOnlyList<TextBlock> Parse(string? html)
    {
        var blocks = new List<TextBlock>();
        if (string.IsNullOrWhiteSpace(html)) return blocks;

        var runs = new List<TextRun>();
        string? marker = null;
        int bold = 0, italic = 0, underline = 0;
        var lists = new Stack<(bool Ordered, int Count)>();
        var cellsInRow = 0;

        void Flush()
        {
            // Spaces at the edges of a paragraph come from the HTML's layout, not from the writer.
            while (runs.Count > 0 && string.IsNullOrWhiteSpace(runs[^1].Text)) runs.RemoveAt(runs.Count - 1);
            while (runs.Count > 0 && runs[0].Text.Trim().Length == 0) runs.RemoveAt(0);
            if (runs.Count > 0)
            {
                runs[0] = runs[0] with { Text = runs[0].Text.TrimStart() };
                runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd() };
                blocks.Add(new TextBlock(Merge(runs), marker));
            }
            runs = [];
            marker = null;
        }

        foreach (Match m in Tokens().Matches(html))
        {
            if (m.Groups[4].Success || m.Value == "<")
            {
                var text = Space().Replace(WebUtility.HtmlDecode(m.Value), " ");
                if (runs.Count == 0 || (runs[^1].Text == "\n")) text = text.TrimStart();
                if (text.Length > 0) runs.Add(new TextRun(text, bold > 0, italic > 0, underline > 0));
                continue;
            }
            if (!m.Groups[2].Success) continue; // a comment
            var closing = m.Groups[1].Value == "/";
            var tag = m.Groups[2].Value.ToLowerInvariant();
            var delta = closing ? -1 : 1;
            switch (tag)
            {
                case "strong" or "b" or "h3" or "h4" or "th":
                    bold = Math.Max(0, bold + delta);
                    break;
                case "em" or "i":
                    italic = Math.Max(0, italic + delta);
                    break;
                case "u":
                    underline = Math.Max(0, underline + delta);
                    break;
                case "br":
                    runs.Add(new TextRun("\n"));
                    continue;
            }
            if (tag is "td" or "th")
            {
                // A table row becomes one line, its cells separated by a wide space.
                if (!closing && cellsInRow++ > 0) runs.Add(new TextRun("　"));
                continue;
            }
            if (tag == "tr") cellsInRow = 0;
            if (tag is "ul" or "ol")
            {
                Flush();
                if (closing) { if (lists.Count > 0) lists.Pop(); }
                else lists.Push((tag == "ol", 0));
                continue;
            }
            if (BlockTags.Contains(tag))
            {
                Flush();
                if (tag == "li" && !closing && lists.Count > 0)
                {
                    var (ordered, count) = lists.Pop();
                    lists.Push((ordered, count + 1));
                    marker = ordered ? $"{count + 1}." : "·";
                }
            }
        }
        Flush();
        return blocks;
    }

    /// <summary>Neighbouring runs with the same look become one, so the document does not carry a run per tag.</summary>
    static List<TextRun> Merge(List<TextRun> runs)
    {
        var merged = new List<TextRun>();
        var text = new StringBuilder();
        TextRun? current = null;
        foreach (var run in runs)
        {
            if (current is not null && run.Text != "\n" && current.Text != "\n"
                && (current.Bold, current.Italic, current.Underline) == (run.Bold, run.Italic, run.Underline))
            {
                text.Append(run.Text);
                continue;
            }
            if (current is not null) merged.Add(current with { Text = current.Text == "\n" ? "\n" : text.ToString() });
            current = run;
            text.Clear().Append(run.Text);
        }
        if (current is not null) merged.Add(current with { Text = current.Text == "\n" ? "\n" : text.ToString() });
        return merged;
    }
}

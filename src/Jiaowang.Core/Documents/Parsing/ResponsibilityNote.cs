using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// The responsibility note at the end of a task: "(责任单位:A、B,C)", "(牵头单位:A;配合单位:B、C)",
/// "(牵头单位:A  责任单位:B)" or "(A、B牵头,C按职责分工负责)".
/// </summary>
internal sealed record ResponsibilityNote(IReadOnlyList<string> LeadUnits, IReadOnlyList<string> CoUnits, IReadOnlyList<UnitNote> Notes);

internal static partial class ResponsibilityNotes
{
    [GeneratedRegex(@"(责任单位|责任部门|牵头单位|牵头部门|主办单位|配合单位|配合部门|参与单位|协办单位|会办单位)\s*[:：]?\s*")]
    private static partial Regex RoleLabel();

    [GeneratedRegex(@"^(.*?)(?:牵头)(?:负责|办理)?\s*[,，;；]?\s*(.*)$")]
    private static partial Regex LeadsBeforeVerb();

    [GeneratedRegex(@"(?:按职责分工负责|按职责负责|分工负责|配合|参与|协办|负责)$")]
    private static partial Regex TrailingVerb();

    // "…全覆盖。责任单位：市商务局、各区政府。": a labelled note without brackets, after a sentence end
    // or standing alone on its line.
    [GeneratedRegex(@"(?:^|[。；;])\s*((?:责任单位|责任部门|牵头单位|牵头部门|主办单位)\s*[:：][^。；;]*(?:[；;]\s*(?:配合单位|配合部门|参与单位|协办单位|会办单位|责任单位)\s*[:：][^。；;]*)*)[。；;]?\s*$")]
    private static partial Regex BareNote();

    /// <summary>Finds the note at the end of <paramref name="text"/>; returns the text before it.</summary>
    public static bool TryCut(string text, out string before, out ResponsibilityNote note)
    {
        before = text;
        note = new ResponsibilityNote([], [], []);
        var end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '。' or '；' or ';')) end--;
        if (end == 0) return false;
        if (!Text.IsCloser(text[end - 1]) || text[end - 1] is '”' or '》')
        {
            if (BareNote().Match(text) is not { Success: true } bare || !TryParse(bare.Groups[1].Value, out note)) return false;
            before = text[..bare.Groups[1].Index].TrimEnd();
            return true;
        }

        var depth = 0;
        var open = -1;
        for (var i = end - 1; i >= 0; i--)
        {
            if (Text.IsCloser(text[i])) depth++;
            else if (Text.IsOpener(text[i]) && --depth == 0) { open = i; break; }
        }
        if (open < 0) return false;

        var content = text[(open + 1)..(end - 1)].Trim();
        if (!TryParse(content, out note)) return false;
        before = text[..open].TrimEnd();
        return true;
    }

    public static bool TryParse(string content, out ResponsibilityNote note)
    {
        note = new ResponsibilityNote([], [], []);
        var leads = new List<string>();
        var cos = new List<string>();
        var notes = new List<UnitNote>();

        var labels = RoleLabel().Matches(content);
        if (labels.Count > 0)
        {
            var hasLeadLabel = labels.Any(l => l.Groups[1].Value.StartsWith("牵头") || l.Groups[1].Value.StartsWith("主办"));
            for (var i = 0; i < labels.Count; i++)
            {
                var start = labels[i].Index + labels[i].Length;
                var stop = i + 1 < labels.Count ? labels[i + 1].Index : content.Length;
                // "〔责任单位:A、B按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕":
                // after the list's full stop comes a remark, not more units.
                var stopAt = Text.SplitTopLevel(content[start..stop], c => c == '。').FirstOrDefault().Part ?? "";
                var units = SplitUnits(stopAt, notes).Select(u => TrailingVerb().Replace(u, "").Trim()).Where(u => u.Length > 0).ToList();
                var role = labels[i].Groups[1].Value;
                if (role.StartsWith("牵头") || role.StartsWith("主办")) leads.AddRange(units);
                else if (role.StartsWith("责任") && !hasLeadLabel)
                {
                    // 责任单位 alone: by convention the first unit listed leads.
                    if (units.Count > 0 && leads.Count == 0) { leads.Add(units[0]); cos.AddRange(units.Skip(1)); }
                    else cos.AddRange(units);
                }
                else cos.AddRange(units);
            }
        }
        else if (LeadsBeforeVerb().Match(content) is { Success: true } verb)
        {
            leads.AddRange(SplitUnits(verb.Groups[1].Value, notes));
            var rest = TrailingVerb().Replace(verb.Groups[2].Value.Trim(), "");
            cos.AddRange(SplitUnits(rest, notes));
        }
        else return false;

        if (leads.Count == 0 && cos.Count == 0) return false;
        note = new ResponsibilityNote(leads.Distinct().ToList(), cos.Distinct().Except(leads).ToList(), notes);
        return true;
    }

    /// <summary>Splits "A、B,C" into units, keeping "各区人民政府〈含…(管委会)下同〉" whole and noting its annotation.</summary>
    public static List<string> SplitUnits(string list, List<UnitNote> notes)
    {
        var units = new List<string>();
        foreach (var (part, _) in Text.SplitTopLevel(list, c => c is '、' or ',' or '，' or ';' or '；'))
        {
            var (unit, annotation) = SplitAnnotation(part.Trim(' ', '　', '。'));
            if (unit.Length == 0) continue;
            units.Add(unit);
            if (annotation is not null && !notes.Contains(new UnitNote(unit, annotation)))
                notes.Add(new UnitNote(unit, annotation));
        }
        return units;
    }

    // 〈…〉 and <…> always annotate; round brackets only when they read as a note ("含…", "…下同"),
    // because names such as "市政府口岸物流办(市港航局)" carry brackets of their own.
    private static (string Unit, string? Annotation) SplitAnnotation(string part)
    {
        var open = -1;
        var depth = 0;
        for (var i = 0; i < part.Length; i++)
        {
            if (Text.IsOpener(part[i]))
            {
                if (depth == 0) open = i;
                depth++;
            }
            else if (Text.IsCloser(part[i]) && depth > 0 && --depth == 0)
            {
                var inner = part[(open + 1)..i].Trim();
                var angle = part[open] is '〈' or '<';
                if (angle || inner.StartsWith('含') || inner.EndsWith("下同"))
                {
                    var unit = (part[..open] + part[(i + 1)..]).Trim();
                    return (unit, inner);
                }
            }
        }
        return (part, null);
    }
}

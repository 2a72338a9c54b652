using System.Text.RegularExpressions;

namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// The responsibility note at the end of a task: "(责任单位:A、B,C)", "(牵头单位:A;配合单位:B、C)",
/// "(牵头单位:A  责任单位:B)" or "(A、B牵头,C按职责分工负责)".
/// </summary>
internal sealed record ResponsibilityNote(IReadOnlyList<string> LeadUnits, IReadOnlyList<string> CoUnits, IReadOnlyList<UnitNote> Notes)
{
    /// <summary>完成时限 / 时间节点 written in the note: "(牵头单位:…;完成时限:2025年6月底前)".</summary>
    public string? Deadline { get; init; }
}

internal static partial class ResponsibilityNotes
{
    [GeneratedRegex(@"(牵头责任单位|主要责任单位|协同责任单位|协同配合单位|牵头负责领导|责任单位|责任部门|责任主体|责任处室|承办单位|主责单位|牵头单位|牵头部门|牵头处室|主办单位|配合单位|配合部门|参与单位|参与部门|协办单位|会办单位|协同单位|完成时限|时间节点|完成时间|牵头领导|责任领导|分管领导|联系领导|责任人)\s*[:：]?\s*")]
    private static partial Regex RoleLabel();

    // "A、B分别牵头" / "A、B共同牵头": every unit listed leads.
    [GeneratedRegex(@"(?:分别|共同|联合)?牵头(?:负责|落实|推进)?$")]
    private static partial Regex LeadsSuffix();

    // "市外办(牵头)": the marked unit leads, the others support.
    [GeneratedRegex(@"\s*[(（〔\[]\s*牵头(?:单位)?\s*[)）〕\]]\s*$")]
    private static partial Regex LeadMark();

    // "商贸物流园等", "市商务局等部门": the list's "and others" is not part of the name.
    [GeneratedRegex(@"(?:等(?:有关|相关)?(?:部门|单位|机构)?)$")]
    private static partial Regex EtAl();

    // A remark inside a list ("…,各县市区,以下均需各县市区落实,不再逐一列出"): the list ends there.
    [GeneratedRegex(@"^(?:以下|下同|不再|具体任务|其中|各项任务|均需)")]
    private static partial Regex Remark();

    [GeneratedRegex(@"^(.*?)(?:牵头)(?:负责|办理)?\s*[,，;；]?\s*(.*)$")]
    private static partial Regex LeadsBeforeVerb();

    [GeneratedRegex(@"(?:共同|分别|积极)?(?:按职责分工负责|按职责负责|分工负责|配合|参与|协办|协助|负责|推进|落实|实施)$")]
    private static partial Regex TrailingVerb();

    // "…全覆盖。责任单位：市商务局、各区政府。": a labelled note without brackets, after a sentence end
    // or standing alone on its line.
    [GeneratedRegex(@"(?:^|[。；;])\s*((?:牵头责任单位|主要责任单位|协同责任单位|责任单位|责任部门|责任主体|承办单位|主责单位|牵头单位|牵头部门|主办单位)\s*[:：][^。；;]*(?:[；;]\s*(?:配合单位|配合部门|参与单位|协办单位|会办单位|责任单位)\s*[:：][^。；;]*)*)[。；;]?\s*$")]
    private static partial Regex BareNote();

    // "…。由市商务局牵头，市发展改革委、市财政局配合。": the units written as the paragraph's last sentence.
    [GeneratedRegex(@"(?:^|[。；;])\s*(由[^。；;，,]{2,60}?牵头(?:负责)?(?:\s*[，,]\s*[^。；;]{2,160}?)?)[。；;]?\s*$")]
    private static partial Regex InlineLead();

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
            var found = BareNote().Match(text) is { Success: true } bare && TryParse(bare.Groups[1].Value, out note) ? bare
                : InlineLead().Match(text) is { Success: true } inline && TryParse(inline.Groups[1].Value, out note) ? inline
                : null;
            if (found is null) return false;
            before = text[..found.Groups[1].Index].TrimEnd();
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
        if (TryParse(content, out note))
        {
            before = text[..open].TrimEnd();
            return true;
        }
        // "责任单位:A、B(除标注“分别牵头”外,列第一位为牵头单位,下同)": the brackets annotate the last unit of a bare note.
        if (BareNote().Match(text) is { Success: true } annotated && TryParse(annotated.Groups[1].Value, out note))
        {
            before = text[..annotated.Groups[1].Index].TrimEnd();
            return true;
        }
        // "…全覆盖。(市商务局、市发展改革委)": names only, no label or verb; as with 责任单位, the first one leads.
        if (!Regex.IsMatch(content, "^(?:含|除|包括|即|以下|注)") && TaskTables.LooksLikeUnits(content))
        {
            var units = Clean(SplitUnits(content, []));
            if (units.Count > 0)
            {
                note = new ResponsibilityNote([units[0]], units.Skip(1).Distinct().Where(u => u != units[0]).ToList(), []);
                before = text[..open].TrimEnd();
                return true;
            }
        }
        return false;
    }

    public static bool TryParse(string content, out ResponsibilityNote note)
    {
        note = new ResponsibilityNote([], [], []);
        var leads = new List<string>();
        var cos = new List<string>();
        var notes = new List<UnitNote>();

        string? deadline = null;
        var labels = RoleLabel().Matches(content);
        if (labels.Count > 0)
        {
            var hasLeadLabel = labels.Any(l => l.Groups[1].Value is var r && (r.StartsWith("牵头") || r.StartsWith("主办") || r.StartsWith("主要")) && !r.EndsWith("领导"));
            for (var i = 0; i < labels.Count; i++)
            {
                var start = labels[i].Index + labels[i].Length;
                var stop = i + 1 < labels.Count ? labels[i + 1].Index : content.Length;
                // "〔责任单位:A、B按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕":
                // after the list's full stop comes a remark, not more units.
                var stopAt = Text.SplitTopLevel(content[start..stop], c => c == '。').FirstOrDefault().Part ?? "";
                var role = labels[i].Groups[1].Value;
                if (role.EndsWith("领导") || role == "责任人") continue; // a person, not a unit
                if (role is "完成时限" or "时间节点" or "完成时间")
                {
                    deadline = stopAt.Trim().TrimEnd('。', '；', ';', ',', '，').Trim();
                    continue;
                }
                var allLead = LeadsSuffix().IsMatch(stopAt.Trim()) && !role.StartsWith("配合") && !role.StartsWith("参与") && !role.StartsWith("协");
                var list = allLead ? LeadsSuffix().Replace(stopAt.Trim(), "") : stopAt;
                var units = Clean(SplitUnits(list, notes));
                var marked = units.Where(u => LeadMark().IsMatch(u)).ToList();
                if (marked.Count > 0)
                {
                    // "责任单位:市外办(牵头)、市商务局"
                    leads.AddRange(marked.Select(u => LeadMark().Replace(u, "")));
                    cos.AddRange(units.Where(u => !LeadMark().IsMatch(u)));
                    continue;
                }
                if (allLead) leads.AddRange(units);
                else if (role.StartsWith("牵头") || role.StartsWith("主办") || role.StartsWith("主要")) leads.AddRange(units);
                else if ((role.StartsWith("责任") || role is "承办单位" or "主责单位") && !hasLeadLabel)
                {
                    // 责任单位 alone: by convention the first unit listed leads.
                    if (units.Count > 0 && leads.Count == 0) { leads.Add(units[0]); cos.AddRange(units.Skip(1)); }
                    else cos.AddRange(units);
                }
                else cos.AddRange(units);
            }
        }
        else if (MarkedLeads(content, notes) is { Count: > 0 } markedUnits)
        {
            // "(市外办〔牵头〕、市商务局、市文旅局)"
            leads.AddRange(markedUnits.Where(u => LeadMark().IsMatch(u)).Select(u => LeadMark().Replace(u, "")));
            cos.AddRange(markedUnits.Where(u => !LeadMark().IsMatch(u)));
        }
        else if (!content.Contains('“') && LeadsBeforeVerb().Match(content) is { Success: true } verb)
        {
            var leadList = Regex.Replace(verb.Groups[1].Value.Trim(), "^由|(?:分别|共同|联合)$", "");
            leads.AddRange(Clean(SplitUnits(leadList, notes)));
            var rest = Regex.Replace(TrailingVerb().Replace(verb.Groups[2].Value.Trim(), ""), "^(?:会同|联合|协调)", "");
            cos.AddRange(Clean(SplitUnits(rest, notes)));
        }
        else return false;

        if (leads.Count == 0 && cos.Count == 0) return false;
        note = new ResponsibilityNote(leads.Distinct().ToList(), cos.Distinct().Except(leads).ToList(), notes) { Deadline = deadline };
        return true;
    }

    /// <summary>The units of an unlabelled list in which one is marked "(牵头)"; empty when none is.</summary>
    private static List<string> MarkedLeads(string content, List<UnitNote> notes)
    {
        if (!content.Contains("牵头")) return [];
        var units = Clean(SplitUnits(content, notes));
        return units.Any(u => LeadMark().IsMatch(u)) ? units : [];
    }

    /// <summary>Drops trailing verbs and "等", and stops at a remark that follows the list.</summary>
    private static List<string> Clean(List<string> units)
    {
        var clean = new List<string>();
        foreach (var raw in units)
        {
            if (Remark().IsMatch(raw)) break;
            var unit = EtAl().Replace(TrailingVerb().Replace(raw, "").Trim(), "").Trim();
            if (unit.Length > 0) clean.Add(unit);
        }
        return clean;
    }

    // "区财政局区税务局", "市商务局市外办": a name ending in 局/委/办 run into a second name with the same 区/市/县 prefix,
    // each at least four characters ("市委市政府", "区委区政府督查室" stay whole).
    [GeneratedRegex(@"^(([区市县省])[^、,，;；()（）]{2,12}?(?:局|委|办))(\2[^、,，;；()（）]{2,12}(?:局|委|办|中心|政府))$")]
    private static partial Regex RunTogether();

    /// <summary>"各县、市、区政府" (every county, city and district government) is one unit: "各X" and one-character
    /// parts up to "…政府" are joined again after the list was split at its 、.</summary>
    private static void JoinEveryLevel(List<string> units)
    {
        var last = units[^1];
        if (last.Length > 6 || !last.EndsWith("政府")) return;
        var k = units.Count - 2;
        while (k >= 0 && units[k].Length == 1) k--;
        if (k < 0 || k == units.Count - 2 || !units[k].StartsWith('各') || units[k].Length > 3) return;
        var joined = string.Join("、", units.Skip(k));
        units.RemoveRange(k, units.Count - k);
        units.Add(joined);
    }

    /// <summary>Splits "A、B,C" into units, keeping "各区人民政府〈含…(管委会)下同〉" whole and noting its annotation.</summary>
    public static List<string> SplitUnits(string list, List<UnitNote> notes)
    {
        var units = new List<string>();
        foreach (var (part, _) in Text.SplitTopLevel(list, c => c is '、' or ',' or '，' or ';' or '；'))
        {
            var (unit, annotation) = SplitAnnotation(part.Trim(' ', '　', '。'));
            if (unit.Length == 0) continue;
            if (RunTogether().Match(unit) is { Success: true } two)
            {
                // "区财政局区税务局": two names whose separator the page lost.
                units.Add(two.Groups[1].Value);
                unit = two.Groups[3].Value;
            }
            units.Add(unit);
            JoinEveryLevel(units);
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

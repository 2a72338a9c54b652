namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// Walks the paragraphs after the header, knowing which chapter (targets, tasks, phases) it is in,
/// and hands each paragraph to the reader for that kind.
/// </summary>
internal sealed class PlanBodyReader
{
    private SectionKind _chapterKind = SectionKind.None;
    private SectionKind _kind = SectionKind.None;
    private string _chapterTitle = "";
    private string _chapterNumber = "";
    private string? _targetGroup;
    private string _taskGroup = "";
    private string _taskGroupNumber = "";
    private int? _phaseYear;

    public List<ParsedTarget> Targets { get; } = [];
    public List<ParsedTask> Tasks { get; } = [];
    public List<ParsedPhase> Phases { get; } = [];
    public List<UnitNote> UnitNotes { get; } = [];
    public List<ParseWarning> Warnings { get; } = [];

    public void Read(Paragraph paragraph)
    {
        var heading = Headings.Classify(paragraph.Text);
        switch (heading.Level)
        {
            case HeadingLevel.Chapter:
                _chapterTitle = heading.Title;
                _chapterNumber = heading.Number;
                _chapterKind = _kind = Headings.KindOf(heading.Title);
                _targetGroup = null;
                _taskGroup = _taskGroupNumber = "";
                if (_kind == SectionKind.Targets && heading.Body.Text.Length > 0)
                    ReadProseTargets(paragraph, heading.Body.Offset, _chapterTitle);
                return;
            case HeadingLevel.Section:
                ReadSection(paragraph, heading);
                return;
        }

        switch (_kind)
        {
            case SectionKind.Targets:
                ReadTargetParagraph(paragraph, heading);
                break;
            case SectionKind.Tasks when heading.Level == HeadingLevel.Item:
                ReadTask(paragraph, heading);
                break;
            case SectionKind.Phases:
                ReadPhaseParagraph(paragraph, heading);
                break;
            case SectionKind.None or SectionKind.Other when heading.Level == HeadingLevel.Item
                && ResponsibilityNotes.TryCut(heading.Rest.Trim(), out _, out _):
                // Plans whose chapters are themselves task groups ("一、坚持系统集成,推动审批全链条优化")
                // still mark each task with its responsible units.
                if (_taskGroup.Length == 0) (_taskGroup, _taskGroupNumber) = (_chapterTitle, _chapterNumber);
                ReadTask(paragraph, heading);
                break;
        }
    }

    private void ReadSection(Paragraph paragraph, Heading heading)
    {
        // A section can itself be the targets or schedule of an otherwise general chapter:
        // "一、总体要求" … "(二)发展目标。到2025年,…".
        if (_chapterKind is SectionKind.None or SectionKind.Other)
            _kind = Headings.KindOf(heading.Title) is var k and not SectionKind.Other ? k : _chapterKind;

        switch (_kind)
        {
            case SectionKind.Targets:
                _targetGroup = heading.Title;
                if (heading.Body.Text.Length > 0) ReadProseTargets(paragraph, heading.Body.Offset, heading.Title);
                break;
            case SectionKind.Phases:
                ReadPhase(paragraph, heading);
                break;
            case var _ when ResponsibilityNotes.TryCut(heading.Rest.Trim(), out _, out _):
                // "(一)加强市场体系建设。…(责任单位:…)": in some plans the sections are the tasks
                // and the chapter is their group.
                (_taskGroup, _taskGroupNumber) = (_chapterTitle, _chapterNumber);
                ReadTask(paragraph, Text.ChineseNumeral(heading.Number), heading.Rest);
                break;
            default:
                _taskGroup = heading.Title;
                _taskGroupNumber = heading.Number;
                break;
        }
    }

    private void ReadTargetParagraph(Paragraph paragraph, Heading heading)
    {
        if (heading.Level == HeadingLevel.Bullet)
        {
            // "——交往能级进一步提升,国际友城…达到 129 个,…": the words before the first comma name the group.
            var clauses = Clauses(heading.Rest, heading.RestOffset);
            if (clauses.Count == 0) return;
            var group = clauses[0].Part;
            foreach (var (clause, offset) in clauses.Skip(1)) AddTarget(group, clause, paragraph.LineAt(offset));
            return;
        }
        ReadProseTargets(paragraph, heading.RestOffset, _targetGroup ?? _chapterTitle);
    }

    private void ReadProseTargets(Paragraph paragraph, int from, string group)
    {
        foreach (var (clause, offset) in Clauses(paragraph.Text[from..], from))
            AddTarget(group, clause, paragraph.LineAt(offset));
    }

    private void AddTarget(string group, string clause, int line)
    {
        foreach (var target in TargetClauses.Read(group, clause, line, Warnings))
        {
            // "…总额达到 8500 亿元，同比增长6%左右": the second clause measures the same thing.
            var inherit = target.Metric.Length == 0 && Targets.Count > 0 && Targets[^1].Group == group;
            Targets.Add(inherit ? target with { Metric = Targets[^1].Metric } : target);
        }
    }

    private static List<(string Part, int Offset)> Clauses(string text, int offset) =>
        Text.SplitTopLevel(text, c => c is ',' or '，' or ';' or '；' or '。')
            .Select(c => (c.Part, c.Offset + offset))
            .ToList();

    private void ReadTask(Paragraph paragraph, Heading heading) => ReadTask(paragraph, int.Parse(heading.Number), heading.Rest);

    private void ReadTask(Paragraph paragraph, int number, string text)
    {
        var rest = text.Trim();
        var lead = new List<string>();
        var co = new List<string>();
        if (ResponsibilityNotes.TryCut(rest, out var before, out var note))
        {
            rest = before;
            lead.AddRange(note.LeadUnits);
            co.AddRange(note.CoUnits);
            foreach (var n in note.Notes.Where(n => !UnitNotes.Contains(n))) UnitNotes.Add(n);
        }
        else
        {
            Warnings.Add(new ParseWarning(paragraph.Line, ParserMessages.Format("TaskWithoutUnits", number, Shorten(rest))));
        }

        var stop = rest.IndexOf('。');
        var title = (stop >= 0 ? rest[..stop] : rest).Trim();
        Tasks.Add(new ParsedTask(number, _taskGroup, _taskGroupNumber, title, rest, lead, co, paragraph.Line));
    }

    private void ReadPhaseParagraph(Paragraph paragraph, Heading heading)
    {
        var looksLikePhase = heading.Level is HeadingLevel.Item or HeadingLevel.Bullet
            || heading.Rest.StartsWith('第') && heading.Title.Contains("阶段");
        if (looksLikePhase) ReadPhase(paragraph, heading);
        else if (Phases.Count > 0)
        {
            // The description of a phase whose heading stood on a line of its own.
            var last = Phases[^1];
            var description = last.Description.Length == 0 ? paragraph.Text : last.Description + "\n" + paragraph.Text;
            Phases[^1] = last with { Description = description };
        }
    }

    private void ReadPhase(Paragraph paragraph, Heading heading)
    {
        var rest = heading.Rest.Trim();
        var cut = rest.IndexOfAny(['。', '：', ':']);
        var head = cut >= 0 ? rest[..cut] : rest;
        var description = cut >= 0 ? rest[(cut + 1)..].Trim() : "";
        if (!PhaseHeadings.TryRead(head, _phaseYear, out var name, out var start, out var end))
        {
            Warnings.Add(new ParseWarning(paragraph.Line, ParserMessages.Format("PhaseWithoutMonths", Shorten(head))));
            return;
        }
        _phaseYear = end.Year;
        Phases.Add(new ParsedPhase(name, start, end, description, paragraph.Line));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

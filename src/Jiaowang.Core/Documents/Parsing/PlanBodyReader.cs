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
    private string? _defaultLead;
    private string? _chapterLead;
    private readonly bool _loose;
    private bool _looseSectionOpen;

    public List<ParsedTarget> Targets { get; } = [];
    public List<ParsedTask> Tasks { get; } = [];
    public List<ParsedPhase> Phases { get; } = [];
    public List<UnitNote> UnitNotes { get; } = [];
    public List<ParseWarning> Warnings { get; } = [];

    private readonly TaskCollector _tasks;

    /// <param name="planYear">The year the title names ("2023年度"), for phases that give months only.</param>
    /// <param name="issued">The month the plan was issued, where a phase runs "即日起至…".</param>
    /// <param name="loose">Read the numbered parts of every working chapter as tasks, for a plan that names no
    /// tasks chapter and no units: it is read with a warning for each task instead of being refused.</param>
    /// <param name="taskWord">Some chapter's title says 任务: in a loose reading only such chapters hold tasks.</param>
    public PlanBodyReader(int? planYear = null, YearMonth? issued = null, bool loose = false, bool taskWord = false)
    {
        _loose = loose;
        _looseTaskWord = taskWord;
        _tasks = new TaskCollector(Tasks, UnitNotes, Warnings);
        _phaseYear = planYear;
        _issued = issued;
    }

    private readonly YearMonth? _issued;

    public void Read(Paragraph paragraph)
    {
        if (Headings.IsAttachmentMark(paragraph.Text))
        {
            // "附件1": what follows is the attachment, with chapters of its own.
            _tasks.Close();
            _chapterKind = _kind = SectionKind.None;
            _chapterTitle = _chapterNumber = _taskGroup = _taskGroupNumber = "";
            _defaultLead = _chapterLead = null;
            return;
        }
        var heading = Headings.Classify(paragraph.Text);
        switch (heading.Level)
        {
            case HeadingLevel.Chapter:
                _tasks.Close();
                _chapterTitle = heading.Title;
                _chapterNumber = heading.Number;
                _chapterKind = _kind = Headings.KindOf(heading.Title);
                _defaultLead = _chapterLead = Headings.LeadOfPart(heading.Title);
                if (_defaultLead is not null) _chapterKind = _kind = SectionKind.Tasks;
                _targetGroup = null;
                _taskGroup = _taskGroupNumber = "";
                if (_kind == SectionKind.Targets && heading.Body.Text.Length > 0)
                    ReadProseTargets(paragraph, heading.Body.Offset, _chapterTitle);
                return;
            case HeadingLevel.Section:
                _tasks.Close();
                ReadSection(paragraph, heading);
                return;
        }

        // "(1)…" and "①…" inside a task numbered "1." are part of that task's text.
        if (heading.Level == HeadingLevel.SubItem || heading.Level == HeadingLevel.Item && heading.Parenthesized && _tasks.TakesSubItems)
        {
            _tasks.Add(paragraph.Text);
            return;
        }

        switch (_kind)
        {
            case SectionKind.Targets:
                ReadTargetParagraph(paragraph, heading);
                break;
            case SectionKind.Phases:
                ReadPhaseParagraph(paragraph, heading);
                break;
            case var kind when heading.Level == HeadingLevel.Item:
                // Outside a tasks chapter ("一、坚持系统集成,推动审批全链条优化") an item is a task only
                // once its responsibility note is found.
                if (_looseSectionOpen) _tasks.Discard();
                OpenTask(paragraph, heading.Number, heading.Rest, required: kind == SectionKind.Tasks || LooseTasks, heading.Parenthesized);
                break;
            case SectionKind.Tasks or SectionKind.None or SectionKind.Other when heading.Level == HeadingLevel.None:
                _tasks.Add(paragraph.Text);
                break;
        }
    }

    /// <summary>Ends the task still collecting at the end of the document.</summary>
    public void Finish() => _tasks.Close();

    private void OpenTask(Paragraph paragraph, string number, string text, bool required, bool parenthesized)
    {
        var group = _taskGroup.Length > 0 ? (_taskGroup, _taskGroupNumber) : (_chapterTitle, _chapterNumber);
        _looseSectionOpen = false;
        _tasks.Open(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture), group.Item1, group.Item2,
            text, paragraph.Line, required, subItems: !parenthesized, _defaultLead);
    }

    // In a plan read loosely, the working chapters' parts are tasks; the general ones (总体要求, 保障措施) are not.
    // Where a chapter says 任务 (二、重点任务), only such chapters are; 四、工作措施 is then how the plan is carried out.
    private bool LooseTasks => _loose && _chapterKind is SectionKind.Other or SectionKind.Tasks && !Headings.IsGeneralChapter(_chapterTitle)
        && (!_looseTaskWord || _chapterTitle.Contains("任务"));

    private readonly bool _looseTaskWord;

    private void ReadSection(Paragraph paragraph, Heading heading)
    {
        // A section can itself be the targets or schedule of an otherwise general chapter:
        // "一、总体要求" … "(二)发展目标。到2025年,…", or "三、组织实施" … "(一)动员部署(2025年1月10日)".
        if (_chapterKind is SectionKind.None or SectionKind.Other)
        {
            var kind = PhaseHeadings.HasDatedBrackets(heading.Title) ? SectionKind.Phases : Headings.KindOf(heading.Title);
            _kind = kind is not SectionKind.Other ? kind : _chapterKind;
        }

        switch (_kind)
        {
            case SectionKind.Targets:
                _targetGroup = heading.Title;
                if (heading.Body.Text.Length > 0) ReadProseTargets(paragraph, heading.Body.Offset, heading.Title);
                break;
            case SectionKind.Phases:
                ReadPhase(paragraph, heading);
                break;
            default:
                // The section groups the items below it; in some plans ("(一)加强市场体系建设。…(责任单位:…)")
                // the sections are themselves the tasks and the chapter is their group.
                _taskGroup = heading.Title;
                _taskGroupNumber = heading.Number;
                _defaultLead = Headings.LeadOfPart(heading.Title) ?? _chapterLead;
                _tasks.Open(Text.ChineseNumeral(heading.Number), _chapterTitle, _chapterNumber, heading.Rest, paragraph.Line,
                    required: LooseTasks, subItems: false);
                _looseSectionOpen = LooseTasks;
                break;
        }
    }

    private void ReadTargetParagraph(Paragraph paragraph, Heading heading)
    {
        // "1.地区生产总值增长6%。(牵头单位:县发展和改革局)": a target item with its own units is also a task.
        if (heading.Level == HeadingLevel.None && _tasks.IsOpen && ResponsibilityNotes.TryCut(paragraph.Text, out var before, out _) && before.Length == 0)
        {
            _tasks.Add(paragraph.Text);
            return;
        }
        if (heading.Level == HeadingLevel.Item)
        {
            ReadProseTargets(paragraph, heading.RestOffset, _targetGroup ?? _chapterTitle);
            OpenTask(paragraph, heading.Number, heading.Rest, required: false, heading.Parenthesized);
            return;
        }
        if (heading.Level == HeadingLevel.Bullet)
        {
            // "——交往能级进一步提升,国际友城…达到 129 个,…": the words before the first comma name the group.
            var clauses = Clauses(heading.Rest, heading.RestOffset);
            if (clauses.Count == 0) return;
            var group = clauses[0].Part;
            foreach (var (clause, offset) in clauses.Skip(1)) AddTarget(group, clause, paragraph.LineAt(offset));
            return;
        }
        if (heading.Level == HeadingLevel.None && TargetClauses.FromTableRow(paragraph.Text) is { } row)
        {
            AddTarget(_targetGroup ?? _chapterTitle, row, paragraph.Line);
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
        // "第一阶段：动员部署(2025年3月)。…": the months come after the colon, so read up to the full stop.
        if (cut >= 0 && rest[cut] != '。' && !PhaseHeadings.HasMonth(rest[..cut]))
            cut = rest.IndexOf('。');
        var head = cut >= 0 ? rest[..cut] : rest;
        var description = cut >= 0 ? rest[(cut + 1)..].Trim() : "";
        if (!PhaseHeadings.TryRead(head, _phaseYear, _issued, out var name, out var start, out var end))
        {
            Warnings.Add(new ParseWarning(paragraph.Line, ParserMessages.Format("PhaseWithoutMonths", TaskCollector.Shorten(head))));
            return;
        }
        _phaseYear = end.Year;
        Phases.Add(new ParsedPhase(name, start, end, description, paragraph.Line));
    }

}

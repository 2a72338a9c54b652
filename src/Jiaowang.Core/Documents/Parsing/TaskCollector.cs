namespace Jiaowang.Core.Documents.Parsing;

/// <summary>
/// Assembles tasks that span several paragraphs: a numbered task, its sub-items ((1) or ①) and
/// prose, closed by a responsibility note at the end of its last paragraph or on a line of its own.
/// </summary>
/// <remarks>
/// A task is kept when it found its units. In a tasks chapter (工作任务) a task without units is kept
/// too and reported, since the plan says it is a task; elsewhere a numbered paragraph without units is
/// ordinary prose ("1.完善应急预案体系" could be either until its note comes).
/// </remarks>
internal sealed class TaskCollector(List<ParsedTask> tasks, List<UnitNote> unitNotes, List<ParseWarning> warnings)
{
    private Pending? _open;

    private sealed class Pending(int number, string group, string groupNumber, int line, bool required, bool subItems)
    {
        public string? DefaultLead { get; init; }
        public int Number { get; } = number;
        public string Group { get; } = group;
        public string GroupNumber { get; } = groupNumber;
        public int Line { get; } = line;
        public bool Required { get; } = required;
        public bool SubItems { get; } = subItems;
        public List<string> Parts { get; } = [];
        public ResponsibilityNote? Note { get; set; }

        /// <summary>The labelled lines read so far when the note stands on lines of its own, each maybe closed by
        /// a full stop ("牵头责任单位:市财政局。" / "协同责任单位:市税务局。"): the next such line belongs to it.</summary>
        public string? NoteLines { get; set; }
    }

    /// <summary>True while a task opened by a "1." item is collecting: "(1)" then continues it.</summary>
    public bool TakesSubItems => _open is { SubItems: true, Note: null };

    public bool IsOpen => _open is not null;

    /// <summary>Starts a task; <paramref name="required"/> when the chapter says its items are tasks,
    /// <paramref name="subItems"/> when "(1)" items below it are its own parts rather than tasks.</summary>
    /// <param name="defaultLead">The unit a part of the plan names once for all its items ("县示范区管委会牵头工作"),
    /// which leads a task that gives no note of its own.</param>
    public void Open(int number, string group, string groupNumber, string text, int line, bool required, bool subItems, string? defaultLead = null)
    {
        Close();
        _open = new Pending(number, group, groupNumber, line, required || defaultLead is not null, subItems) { DefaultLead = defaultLead };
        Add(text);
    }

    /// <summary>Adds a paragraph (a sub-item, prose, or a note on its own line) to the open task.</summary>
    public void Add(string text)
    {
        if (_open is null) return;
        var rest = text.Trim();
        if (_open.NoteLines is { } lines)
        {
            // One labelled line after another: read them as one note, so that 责任单位 after 牵头单位 supports.
            var joined = lines + "；" + rest;
            if (IsLabelLine(rest) && ResponsibilityNotes.TryCut(rest, out var alone, out _) && alone.Length == 0
                && ResponsibilityNotes.TryParse(joined, out var whole))
            {
                (_open.Note, _open.NoteLines) = (whole, joined);
                return;
            }
            Close();
            return;
        }
        if (ResponsibilityNotes.TryCut(rest, out var before, out var note))
        {
            _open.Note = note;
            if (before.Length > 0) _open.Parts.Add(before);
            if (before.Length == 0 && IsLabelLine(rest)) _open.NoteLines = rest;
            else Close();
            return;
        }
        // "牵头负责领导:金力。": the person who answers for the task, not its text.
        if (PersonLine(rest)) return;
        if (rest.Length > 0) _open.Parts.Add(rest);
    }

    private static bool IsLabelLine(string text) => text.Length > 0 && !Text.IsOpener(text[0]);

    private static bool PersonLine(string text) =>
        text.Length <= 30 && System.Text.RegularExpressions.Regex.IsMatch(text, @"^[\u4e00-\u9fff]{0,4}(?:领导|责任人|联系人)\s*[:：]");

    /// <summary>Drops the open task unread: a section that turned out to be the heading of the items below it.
    /// A task whose note was read (on lines of its own, still open for the next label) is kept.</summary>
    public void Discard()
    {
        if (_open?.Note is not null) Close();
        else _open = null;
    }

    public void Close()
    {
        var open = _open;
        _open = null;
        if (open is null || open.Note is null && !open.Required) return;

        var text = string.Join("\n", open.Parts);
        if (open.Note is { } note)
        {
            foreach (var n in note.Notes.Where(n => !unitNotes.Contains(n))) unitNotes.Add(n);
        }
        else if (open.DefaultLead is null)
        {
            warnings.Add(new ParseWarning(open.Line, ParserMessages.Format("TaskWithoutUnits", open.Number, Shorten(text))));
        }

        var first = open.Parts.Count > 0 ? open.Parts[0] : "";
        var stop = first.IndexOf('。');
        var title = (stop >= 0 ? first[..stop] : first).Trim();
        IReadOnlyList<string> leads = open.Note?.LeadUnits is { Count: > 0 } l ? l : open.DefaultLead is { } d ? [d] : [];
        IReadOnlyList<string> cos = (open.Note?.CoUnits ?? []).Except(leads).ToList();
        tasks.Add(new ParsedTask(open.Number, open.Group, open.GroupNumber, title, text, leads, cos, open.Line)
        {
            Deadline = open.Note?.Deadline,
            Measures = Measures.Extract(open.Parts),
        });
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

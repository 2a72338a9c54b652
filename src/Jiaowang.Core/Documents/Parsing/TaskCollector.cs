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
        public int Number { get; } = number;
        public string Group { get; } = group;
        public string GroupNumber { get; } = groupNumber;
        public int Line { get; } = line;
        public bool Required { get; } = required;
        public bool SubItems { get; } = subItems;
        public List<string> Parts { get; } = [];
        public ResponsibilityNote? Note { get; set; }
    }

    /// <summary>True while a task opened by a "1." item is collecting: "(1)" then continues it.</summary>
    public bool TakesSubItems => _open is { SubItems: true };

    public bool IsOpen => _open is not null;

    /// <summary>Starts a task; <paramref name="required"/> when the chapter says its items are tasks,
    /// <paramref name="subItems"/> when "(1)" items below it are its own parts rather than tasks.</summary>
    public void Open(int number, string group, string groupNumber, string text, int line, bool required, bool subItems)
    {
        Close();
        _open = new Pending(number, group, groupNumber, line, required, subItems);
        Add(text);
    }

    /// <summary>Adds a paragraph (a sub-item, prose, or a note on its own line) to the open task.</summary>
    public void Add(string text)
    {
        if (_open is null) return;
        var rest = text.Trim();
        if (ResponsibilityNotes.TryCut(rest, out var before, out var note))
        {
            _open.Note = note;
            if (before.Length > 0) _open.Parts.Add(before);
            Close();
            return;
        }
        if (rest.Length > 0) _open.Parts.Add(rest);
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
        else
        {
            warnings.Add(new ParseWarning(open.Line, ParserMessages.Format("TaskWithoutUnits", open.Number, Shorten(text))));
        }

        var first = open.Parts.Count > 0 ? open.Parts[0] : "";
        var stop = first.IndexOf('。');
        var title = (stop >= 0 ? first[..stop] : first).Trim();
        tasks.Add(new ParsedTask(open.Number, open.Group, open.GroupNumber, title, text,
            open.Note?.LeadUnits ?? [], open.Note?.CoUnits ?? [], open.Line));
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

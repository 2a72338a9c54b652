using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Plans;

/// <summary>What a revision touches.</summary>
public enum RevisionPart { Target, Task, Unit, Phase }

/// <summary>What happens to one item: it stays as it is, its text changes, it is new, or it leaves the plan (archived).</summary>
public enum RevisionChange { Unchanged, Changed, Added, Removed }

/// <summary>
/// One line of a revision's diff. <see cref="ExistingId"/> is the stored item (null when added; for units the unit's id
/// when it is stored); <see cref="RevisedIndex"/> its place in the revised document's list (null when removed).
/// </summary>
public sealed record RevisionItem(
    RevisionPart Part, RevisionChange Change, string Key, string? Before, string? After, int? ExistingId, int? RevisedIndex);

/// <summary>Why a document cannot revise a plan.</summary>
public enum RevisionRefusal
{
    /// <summary>The document number's issuer (武政办 in 武政办〔2026〕26号) differs: another city's or office's plan.</summary>
    OtherIssuer,
    /// <summary>No shared document number and titles too different to be the same plan.</summary>
    OtherPlan,
}

/// <summary>The difference between a stored plan and a revised document of it.</summary>
public sealed record PlanRevisionDiff(IReadOnlyList<RevisionItem> Items)
{
    public IEnumerable<RevisionItem> Changes => Items.Where(i => i.Change != RevisionChange.Unchanged);
    public bool IsEmpty => !Changes.Any();
    public int Count(RevisionPart part, RevisionChange change) => Items.Count(i => i.Part == part && i.Change == change);

    /// <summary>A one-line summary in a fixed, language-neutral form: "targets +1 ~0 -0; tasks +0 ~1 -0; …".</summary>
    public string Summary() => string.Join("; ", new[] { (RevisionPart.Target, "targets"), (RevisionPart.Task, "tasks"), (RevisionPart.Unit, "units"), (RevisionPart.Phase, "phases") }
        .Select(p => $"{p.Item2} +{Count(p.Item1, RevisionChange.Added)} ~{Count(p.Item1, RevisionChange.Changed)} -{Count(p.Item1, RevisionChange.Removed)}"));
}

/// <summary>
/// Compares a stored plan with a revised document (修订稿) of it, item by item, so that a revision can be applied in
/// place: everything that still exists keeps its id, and with it its reports, readings and instructions.
/// Archived items (<c>ArchivedAt</c> set) are not part of the stored plan any more and are not compared.
/// </summary>
public static class PlanRevisions
{
    /// <summary>Task titles with at least this similarity (character-bigram Dice) under the same number are the same task.</summary>
    public const double SameNumberTitle = 0.5;
    /// <summary>Under another number a task must be nearly the same title to be the same task (a task inserted above it renumbers it).</summary>
    public const double MovedTitle = 0.75;
    /// <summary>Metrics reworded slightly ("国际友城数量" → "国际友城和友好交流城市数量") stay the same series of readings.</summary>
    public const double SimilarMetric = 0.7;

    /// <summary>Null when <paramref name="revised"/> may revise <paramref name="current"/>; otherwise why not.</summary>
    public static RevisionRefusal? Check(Plan current, ParsedPlan revised)
    {
        if (Issuer(current.DocumentNumber) is { } a && Issuer(revised.DocumentNumber) is { } b)
            return a == b ? null : RevisionRefusal.OtherIssuer;
        if (current.DocumentNumber is not null && current.DocumentNumber == revised.DocumentNumber) return null;
        return Similarity(current.Title, revised.Title) >= SameNumberTitle ? null : RevisionRefusal.OtherPlan;
    }

    /// <summary>The issuing office's abbreviation in a document number: 武政办 in 武政办〔2026〕26号.</summary>
    public static string? Issuer(string? documentNumber)
    {
        if (string.IsNullOrWhiteSpace(documentNumber)) return null;
        var end = documentNumber.IndexOfAny(['〔', '[', '［', '(', '（']);
        return end > 0 ? documentNumber[..end].Trim() : null;
    }

    public static PlanRevisionDiff Diff(Plan current, ParsedPlan revised)
    {
        var items = new List<RevisionItem>();
        items.AddRange(DiffTargets(current, revised));
        items.AddRange(DiffTasks(current, revised));
        items.AddRange(DiffUnits(current, revised));
        items.AddRange(DiffPhases(current, revised));
        return new PlanRevisionDiff(items);
    }

    // Targets are matched by what they measure, not by their place or number: readings are a series of one metric, so a
    // target whose value changes (129 → 130 个) is the same target revised, while a new metric is a new series.
    static IEnumerable<RevisionItem> DiffTargets(Plan current, ParsedPlan revised)
    {
        var stored = current.TargetGroups.Where(g => g.ArchivedAt is null).SelectMany(g => g.Targets).Where(t => t.ArchivedAt is null).ToList();
        var pairs = Match(stored, revised.Targets,
            (s, r) => Normal(s.Metric) == Normal(r.Metric) ? 1 : 0, 1,
            (s, r) => Similarity(s.Metric, r.Metric), SimilarMetric);
        return Items(RevisionPart.Target, stored, revised.Targets, pairs, s => s.Id, s => s.Metric, r => r.Metric, s => s.Text, r => r.Text,
            (s, r) => Normal(s.Text) != Normal(r.Text) || s.Value != r.Value || s.Measure != r.Unit || s.Group?.Name is { } g && g != r.Group);
    }

    // Tasks are matched by number and title together: a revision often rewords a title a little (same number, similar
    // title) or inserts a task that renumbers those below it (another number, nearly the same title). Number alone would
    // hand one task's reports to another after an insertion; the title alone would miss a reworded task.
    static IEnumerable<RevisionItem> DiffTasks(Plan current, ParsedPlan revised)
    {
        var stored = current.TaskGroups.Where(g => g.ArchivedAt is null).SelectMany(g => g.Tasks).Where(t => t.ArchivedAt is null).ToList();
        var pairs = Match(stored, revised.Tasks,
            (s, r) => s.Number == r.Number ? Similarity(s.Title, r.Title) : 0, SameNumberTitle,
            (s, r) => Similarity(s.Title, r.Title), MovedTitle);
        return Items(RevisionPart.Task, stored, revised.Tasks, pairs, s => s.Id, s => $"{s.Number}. {s.Title}", r => $"{r.Number}. {r.Title}",
            s => s.Text, r => r.Text,
            (s, r) => s.Number != r.Number || Normal(s.Title) != Normal(r.Title) || Normal(s.Text) != Normal(r.Text)
                || !Units(s).SequenceEqual(r.LeadUnits.Concat(r.CoUnits).Distinct()));
    }

    static IEnumerable<string> Units(PlanTask task) =>
        task.Assignments.OrderBy(a => a.Position).Select(a => a.Unit?.Name ?? "");

    // Units are shared by every plan and are identified by their name; a revision names a unit or no longer does.
    static IEnumerable<RevisionItem> DiffUnits(Plan current, ParsedPlan revised)
    {
        var stored = current.TaskGroups.Where(g => g.ArchivedAt is null).SelectMany(g => g.Tasks).Where(t => t.ArchivedAt is null)
            .SelectMany(t => t.Assignments).Where(a => a.Unit is not null).Select(a => a.Unit!).DistinctBy(u => u.Name).ToList();
        var names = revised.Units.Concat(revised.Tasks.SelectMany(t => t.LeadUnits.Concat(t.CoUnits))).Distinct().ToList();
        foreach (var unit in stored.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            var index = names.IndexOf(unit.Name);
            yield return new RevisionItem(RevisionPart.Unit, index < 0 ? RevisionChange.Removed : RevisionChange.Unchanged,
                unit.Name, unit.Name, index < 0 ? null : unit.Name, unit.Id, index < 0 ? null : index);
        }
        foreach (var (name, index) in names.Select((n, i) => (n, i)).Where(n => stored.All(u => u.Name != n.n)))
            yield return new RevisionItem(RevisionPart.Unit, RevisionChange.Added, name, null, name, null, index);
    }

    // Phases are named by the plan (动员部署, 办理落实, 总结汇报); a revision moves their months, which is a change.
    static IEnumerable<RevisionItem> DiffPhases(Plan current, ParsedPlan revised)
    {
        var stored = current.Phases.Where(p => p.ArchivedAt is null).OrderBy(p => p.Position).ToList();
        var pairs = Match(stored, revised.Phases, (s, r) => Normal(s.Name) == Normal(r.Name) ? 1 : 0, 1, (s, r) => Similarity(s.Name, r.Name), SimilarMetric);
        return Items(RevisionPart.Phase, stored, revised.Phases, pairs, s => s.Id, s => s.Name, r => r.Name,
            s => $"{s.StartMonth:yyyy-MM}–{s.EndMonth:yyyy-MM} {s.Description}", r => $"{r.Start.FirstDay:yyyy-MM}–{r.End.FirstDay:yyyy-MM} {r.Description}",
            (s, r) => s.StartMonth != r.Start.FirstDay || s.EndMonth != r.End.FirstDay || Normal(s.Description) != Normal(r.Description) || s.Name != r.Name);
    }

    /// <summary>
    /// Pairs stored and revised items in two passes: first by the strict score (each revised item takes the best stored
    /// one at or above <paramref name="firstMin"/>), then the rest by the loose score. Each item is paired at most once.
    /// </summary>
    static Dictionary<int, int> Match<TS, TR>(IReadOnlyList<TS> stored, IReadOnlyList<TR> revised,
        Func<TS, TR, double> first, double firstMin, Func<TS, TR, double> second, double secondMin)
    {
        var pairs = new Dictionary<int, int>(); // revised index → stored index
        foreach (var (score, min) in new[] { (first, firstMin), (second, secondMin) })
        {
            var candidates = (from r in Enumerable.Range(0, revised.Count) where !pairs.ContainsKey(r)
                              from s in Enumerable.Range(0, stored.Count) where !pairs.ContainsValue(s)
                              let value = score(stored[s], revised[r]) where value >= min
                              orderby value descending, Math.Abs(r - s), r
                              select (r, s)).ToList();
            foreach (var (r, s) in candidates)
                if (!pairs.ContainsKey(r) && !pairs.ContainsValue(s)) pairs[r] = s;
        }
        return pairs;
    }

    static IEnumerable<RevisionItem> Items<TS, TR>(RevisionPart part, IReadOnlyList<TS> stored, IReadOnlyList<TR> revised, Dictionary<int, int> pairs,
        Func<TS, int> id, Func<TS, string> storedKey, Func<TR, string> revisedKey, Func<TS, string> storedText, Func<TR, string> revisedText,
        Func<TS, TR, bool> changed)
    {
        for (var r = 0; r < revised.Count; r++)
        {
            if (pairs.TryGetValue(r, out var s))
                yield return new RevisionItem(part, changed(stored[s], revised[r]) ? RevisionChange.Changed : RevisionChange.Unchanged,
                    revisedKey(revised[r]), storedText(stored[s]), revisedText(revised[r]), id(stored[s]), r);
            else
                yield return new RevisionItem(part, RevisionChange.Added, revisedKey(revised[r]), null, revisedText(revised[r]), null, r);
        }
        var taken = pairs.Values.ToHashSet();
        for (var s = 0; s < stored.Count; s++)
            if (!taken.Contains(s))
                yield return new RevisionItem(part, RevisionChange.Removed, storedKey(stored[s]), storedText(stored[s]), null, id(stored[s]), null);
    }

    static string Normal(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Dice coefficient of character bigrams, ignoring blanks: 1 for the same text, 0 for nothing shared.</summary>
    public static double Similarity(string a, string b)
    {
        a = Normal(a); b = Normal(b);
        if (a == b) return 1;
        if (a.Length < 2 || b.Length < 2) return 0;
        var left = Enumerable.Range(0, a.Length - 1).Select(i => a.Substring(i, 2)).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var shared = 0;
        for (var i = 0; i < b.Length - 1; i++)
        {
            var bigram = b.Substring(i, 2);
            if (left.TryGetValue(bigram, out var n) && n > 0) { shared++; left[bigram] = n - 1; }
        }
        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }
}

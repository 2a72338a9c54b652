using System.Security.Cryptography;
using System.Text;
using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Plans;

/// <summary>Turns what the parser read into the plan that is stored.</summary>
public static class PlanBuilder
{
    /// <param name="parsed">The parser's result.</param>
    /// <param name="sourceName">The file name the document came from.</param>
    /// <param name="sourceText">The document's text, to fingerprint it.</param>
    /// <param name="findUnit">Finds a unit already stored by name, so that units are shared across plans.</param>
    /// <param name="now">The import time.</param>
    public static Plan Build(ParsedPlan parsed, string sourceName, string sourceText, Func<string, Unit?> findUnit, DateTimeOffset now)
    {
        var plan = new Plan
        {
            // A document whose title could not be found still needs a name people recognise: its file's.
            Title = string.IsNullOrWhiteSpace(parsed.Title) ? Path.GetFileNameWithoutExtension(sourceName) : parsed.Title,
            DocumentNumber = parsed.DocumentNumber,
            IssuedOn = parsed.IssuedOn,
            SourceName = sourceName,
            SourceHash = Fingerprint(sourceText),
            ImportedAt = now,
        };

        foreach (var (group, position) in parsed.Targets.GroupBy(t => t.Group).Select((g, i) => (g, i)))
        {
            plan.TargetGroups.Add(new TargetGroup
            {
                Name = group.Key,
                Position = position,
                Targets = group.Select((t, i) => new Target
                {
                    Position = i,
                    Text = t.Text,
                    Metric = t.Metric,
                    Value = t.Value,
                    Measure = t.Unit,
                    Qualifier = t.Qualifier,
                    NormalizedValue = t.NormalizedValue,
                    Kind = t.Kind, Baseline = t.Baseline, BaseYear = t.BaseYear, Decline = t.Decline,
                }).ToList(),
            });
        }

        var notes = parsed.UnitNotes.ToDictionary(n => n.Unit, n => n.Annotation);
        var units = new Dictionary<string, Unit>();
        Unit UnitNamed(string name)
        {
            if (units.TryGetValue(name, out var unit)) return unit;
            unit = findUnit(name) ?? new Unit { Name = name, Kind = UnitGroups.KindOf(name) };
            if (notes.TryGetValue(name, out var note)) unit.Annotation = note;
            return units[name] = unit;
        }

        const int MeasureTextLength = 1000;
        foreach (var (group, position) in parsed.Tasks.GroupBy(t => (t.GroupNumber, t.Group)).Select((g, i) => (g, i)))
        {
            plan.TaskGroups.Add(new TaskGroup
            {
                Number = group.Key.GroupNumber,
                Title = group.Key.Group,
                Position = position,
                Tasks = group.Select(t => new PlanTask
                {
                    Number = t.Number,
                    Title = t.Title,
                    Text = t.Text,
                    // A unit named twice in one note (as lead and again as co-unit) takes part once, in its first role.
                    Assignments = t.LeadUnits.Select(u => (u, AssignmentRole.Lead))
                        .Concat(t.CoUnits.Select(u => (u, AssignmentRole.Co)))
                        .DistinctBy(a => a.u)
                        .Select((a, i) => new Assignment { Unit = UnitNamed(a.u), Role = a.Item2, Position = i })
                        .ToList(),
                    Measures = t.Measures.Select((m, i) => new Measure
                    {
                        Position = i,
                        Text = m.Text.Length <= MeasureTextLength ? m.Text : m.Text[..MeasureTextLength],
                        Deadline = t.Deadline is { Length: <= 100 } d ? d : null,
                    }).ToList(),
                }).ToList(),
            });
        }

        plan.Phases = parsed.Phases.Select((p, i) => new Phase
        {
            Position = i,
            Name = p.Name,
            StartMonth = p.Start.FirstDay,
            EndMonth = p.End.FirstDay,
            Description = p.Description,
        }).ToList();

        return plan;
    }

    /// <summary>SHA-256 of the text with line endings and surrounding blanks evened out, as lowercase hex.</summary>
    public static string Fingerprint(string text)
    {
        var normalized = string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}

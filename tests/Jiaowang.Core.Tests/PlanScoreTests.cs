using System.Globalization;
using Jiaowang.Core.Documents;
using Xunit.Abstractions;

namespace Jiaowang.Core.Tests;

/// <summary>
/// The figures issue 14 is judged by, over every fixture with a hand-written expectation (Fixtures/*.expected):
/// who-leads-and-who-supports F1 (each task's lead and co-units as (task number, role, unit) triples) and target recall
/// ((value, unit) pairs found). <c>dotnet test tests/Jiaowang.Core.Tests --filter PlanScoreTests --logger "console;verbosity=detailed"</c>
/// prints them per fixture.
/// </summary>
public class PlanScoreTests(ITestOutputHelper output)
{
    internal sealed record Expectation(List<(int Number, string[] Leads, string[] Cos, string? Deadline)> Tasks, List<(decimal Value, string Unit)> Targets);

    internal static Expectation Load(string name)
    {
        var tasks = new List<(int, string[], string[], string?)>();
        var targets = new List<(decimal, string)>();
        foreach (var raw in File.ReadAllLines(Fixture.Path(name)))
        {
            if (raw.StartsWith('#') || raw.Trim().Length == 0) continue;
            var f = raw.Split('\t');
            // "各县(市、区)人民政府": the list is split at 、 outside brackets only; "各县、市、区政府" (every county, city
            // and district government) is one unit written with its 、: "各X" and one-character parts up to "…政府".
            static string[] Units(string[] f, int i) =>
                f.Length > i && f[i].Length > 0 ? JoinEveryLevel(System.Text.RegularExpressions.Regex.Split(f[i], @"、(?![^()（）]*[)）])")) : [];
            static string[] JoinEveryLevel(string[] parts)
            {
                var units = new List<string>();
                for (var k = 0; k < parts.Length; k++)
                {
                    var end = k;
                    if (parts[k].StartsWith('各') && parts[k].Length <= 3)
                        while (end + 1 < parts.Length && (parts[end + 1].Length == 1 || parts[end + 1].Length <= 6 && parts[end + 1].EndsWith("政府") && end > k)) end++;
                    var joined = string.Join("、", parts[k..(end + 1)]);
                    if (end > k && joined.EndsWith("政府")) { units.Add(joined); k = end; }
                    else units.Add(parts[k]);
                }
                return units.ToArray();
            }
            if (f[0] == "task")
                tasks.Add((int.Parse(f[1], CultureInfo.InvariantCulture), Units(f, 2), Units(f, 3), f.Length > 4 && f[4].Length > 0 ? f[4] : null));
            else if (f[0] == "target")
                targets.Add((decimal.Parse(f[1], CultureInfo.InvariantCulture), f[2]));
            else throw new InvalidDataException($"{name}: unknown line '{raw}'");
        }
        return new Expectation(tasks, targets);
    }

    /// <summary>Every fixture with an expectation: the .txt, and the .docx built from it where there is one.</summary>
    public static TheoryData<string> Scored()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.expected").Order())
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    internal static ParsedPlan Parse(string stem) => PlanDocumentParser.Parse(Fixture.Text(stem + ".txt"));

    internal static (int Hit, int Found, int Expected) UnitCounts(ParsedPlan plan, Expectation expected)
    {
        var want = expected.Tasks.SelectMany(t => t.Leads.Select(u => (t.Number, "lead", u)).Concat(t.Cos.Select(u => (t.Number, "co", u)))).ToList();
        var got = plan.Tasks.SelectMany(t => t.LeadUnits.Select(u => (t.Number, "lead", u)).Concat(t.CoUnits.Select(u => (t.Number, "co", u)))).ToList();
        var left = want.ToList();
        var hit = 0;
        foreach (var g in got)
        {
            if (left.Remove(g)) hit++;
        }
        return (hit, got.Count, want.Count);
    }

    internal static (int Hit, int Expected) TargetCounts(ParsedPlan plan, Expectation expected)
    {
        var left = plan.Targets.Select(t => (t.Value, t.Unit)).ToList();
        var hit = expected.Targets.Count(t => left.Remove(t));
        return (hit, expected.Targets.Count);
    }

    [Fact]
    public void Unit_F1_and_target_recall_over_all_fixtures()
    {
        int hit = 0, found = 0, wanted = 0, tHit = 0, tWanted = 0;
        foreach (string stem in Scored())
        {
            var plan = Parse(stem);
            var expected = Load(stem + ".expected");
            var (h, f, w) = UnitCounts(plan, expected);
            var (th, tw) = TargetCounts(plan, expected);
            output.WriteLine($"{stem,-32} units {h}/{f} found, {h}/{w} expected; targets {th}/{tw}");
            (hit, found, wanted, tHit, tWanted) = (hit + h, found + f, wanted + w, tHit + th, tWanted + tw);
        }
        var precision = found == 0 ? 0 : (double)hit / found;
        var recall = wanted == 0 ? 0 : (double)hit / wanted;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var targetRecall = tWanted == 0 ? 1 : (double)tHit / tWanted;
        output.WriteLine($"unit-set F1 {f1:0.000} (precision {precision:0.000}, recall {recall:0.000}); target recall {targetRecall:0.000} ({tHit}/{tWanted})");
        Console.WriteLine($"PLAN-SCORE unit-set F1 {f1:0.000} (P {precision:0.000}, R {recall:0.000}); target recall {targetRecall:0.000} ({tHit}/{tWanted})");

        Assert.True(f1 >= FloorF1, $"unit-set F1 {f1:0.000} fell below {FloorF1}");
        Assert.True(targetRecall >= FloorTargetRecall, $"target recall {targetRecall:0.000} fell below {FloorTargetRecall}");
    }

    // Reached on 2026-12-02 over all 17 fixtures (1.000 and 1.000), and again over 24 (7 more real documents, table-fixtures);
    // the floor leaves room for one unit or target to slip, not more.
    private const double FloorF1 = 0.97;
    private const double FloorTargetRecall = 0.97;

    [Theory]
    [MemberData(nameof(Scored))]
    public void Each_fixture_gives_its_expected_units_deadlines_and_targets(string stem)
    {
        var plan = Parse(stem);
        var expected = Load(stem + ".expected");
        Assert.Equal(
            expected.Tasks.Select(t => $"{t.Number}|{string.Join("、", t.Leads)}|{string.Join("、", t.Cos)}|{t.Deadline}").ToList(),
            plan.Tasks.Select(t => $"{t.Number}|{string.Join("、", t.LeadUnits)}|{string.Join("、", t.CoUnits)}|{(expected.Tasks.Any(e => e.Deadline is not null) ? t.Deadline : null)}").ToList());
        Assert.Equal(expected.Targets, plan.Targets.Select(t => (t.Value, t.Unit)).ToList());
    }

    /// <summary>Writes a draft expectation (to review by hand) for each fixture that has none: JIAOWANG_DRAFT_EXPECTATIONS=dir.</summary>
    [Fact]
    public void Drafts_expectations_when_asked()
    {
        if (Environment.GetEnvironmentVariable("JIAOWANG_DRAFT_EXPECTATIONS") is not { Length: > 0 } dir) return;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt"))
        {
            var plan = PlanDocumentParser.Parse(Fixture.Text(Path.GetFileName(file)));
            var lines = plan.Tasks.Select(t => $"task\t{t.Number}\t{string.Join("、", t.LeadUnits)}\t{string.Join("、", t.CoUnits)}\t{t.Deadline}".TrimEnd('\t'))
                .Concat(plan.Targets.Select(t => $"target\t{t.Value.ToString(CultureInfo.InvariantCulture)}\t{t.Unit}"));
            File.WriteAllLines(Path.Combine(dir, Path.GetFileNameWithoutExtension(file) + ".expected"), lines);
        }
    }
}

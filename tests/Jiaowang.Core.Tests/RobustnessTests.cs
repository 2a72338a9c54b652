using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>Properties every fixture must have, whatever its layout: what an unseen plan is held to.</summary>
public class RobustnessTests
{
    public static TheoryData<string> AllFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Every_fixture_parses_into_consistent_records(string fixture)
    {
        var text = Fixture.Text(fixture);
        var plan = PlanDocumentParser.Parse(text);
        var lineCount = text.Split('\n').Length;

        Assert.False(string.IsNullOrWhiteSpace(plan.Title));
        Assert.Equal(plan.Units.Count, plan.Units.Distinct().Count());
        Assert.All(plan.Units, u => Assert.False(string.IsNullOrWhiteSpace(u)));
        Assert.All(plan.Tasks, t =>
        {
            // A task that had a note names who leads it; one without is reported, never silently empty.
            if (t.LeadUnits.Count == 0) Assert.Contains(plan.Warnings, w => w.Line == t.Line);
            Assert.Empty(t.LeadUnits.Intersect(t.CoUnits));
            Assert.DoesNotContain("单位:", t.Text.Replace('：', ':'));
        });
        Assert.All(plan.Targets, t =>
        {
            Assert.True(t.Value > 0, t.Text);
            Assert.False(string.IsNullOrWhiteSpace(t.Unit), t.Text);
            Assert.True(t.UpperValue is null || t.UpperValue > t.Value, t.Text);
        });
        Assert.All(plan.Phases, p => Assert.True(p.Start <= p.End, p.Name));
        Assert.All(plan.Warnings, w => Assert.InRange(w.Line, 1, lineCount));
    }
}

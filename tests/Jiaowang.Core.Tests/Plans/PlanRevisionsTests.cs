using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;

namespace Jiaowang.Core.Tests.Plans;

/// <summary>The diff a revised plan document makes against the stored plan (docs/plan-parser.md, "Revisions").</summary>
public sealed class PlanRevisionsTests
{
    static readonly string Wuhan = Fixture.Text("wuhan-2026-26.txt");

    /// <summary>The Wuhan plan as stored, with ids as a database would give them.</summary>
    static Plan Stored()
    {
        var plan = PlanBuilder.Build(PlanDocumentParser.Parse(Wuhan), "wuhan.txt", Wuhan, _ => null, DateTimeOffset.UnixEpoch);
        var id = 1;
        foreach (var t in plan.TargetGroups.SelectMany(g => g.Targets)) t.Id = id++;
        foreach (var t in plan.TaskGroups.SelectMany(g => g.Tasks)) t.Id = id++;
        foreach (var p in plan.Phases) p.Id = id++;
        foreach (var u in plan.TaskGroups.SelectMany(g => g.Tasks).SelectMany(t => t.Assignments).Select(a => a.Unit!).Distinct()) u.Id = id++;
        return plan;
    }

    static string Replace(string text, string old, string @new)
    {
        Assert.Contains(old, text);
        return text.Replace(old, @new);
    }

    static PlanTask TaskNumbered(Plan plan, int number) => plan.TaskGroups.SelectMany(g => g.Tasks).Single(t => t.Number == number);

    [Fact]
    public void The_same_document_changes_nothing()
    {
        var diff = PlanRevisions.Diff(Stored(), PlanDocumentParser.Parse(Wuhan));
        Assert.True(diff.IsEmpty);
        Assert.Equal("targets +0 ~0 -0; tasks +0 ~0 -0; units +0 ~0 -0; phases +0 ~0 -0", diff.Summary());
    }

    [Fact]
    public void One_task_reworded_and_one_target_added_is_exactly_that_and_the_task_keeps_its_id()
    {
        var stored = Stored();
        var revised = Replace(Replace(Wuhan, "优化“武汉英才”计划", "深化“武汉英才”计划,每年引进国际人才 100 名"),
            "武汉港集装箱吞吐量达到 200 万标箱。", "武汉港集装箱吞吐量达到 200 万标箱,国际邮件快件处理量达到 500 万件。");

        var diff = PlanRevisions.Diff(stored, PlanDocumentParser.Parse(revised));

        var changes = diff.Changes.ToList();
        Assert.Equal(2, changes.Count);
        var task = Assert.Single(changes, c => c.Part == RevisionPart.Task);
        Assert.Equal(RevisionChange.Changed, task.Change);
        Assert.Equal(TaskNumbered(stored, 10).Id, task.ExistingId);
        Assert.Contains("深化“武汉英才”计划", task.After);
        var target = Assert.Single(changes, c => c.Part == RevisionPart.Target);
        Assert.Equal(RevisionChange.Added, target.Change);
        Assert.Contains("国际邮件快件处理量", target.Key);
        Assert.Equal("targets +1 ~0 -0; tasks +0 ~1 -0; units +0 ~0 -0; phases +0 ~0 -0", diff.Summary());
    }

    [Fact]
    public void A_removed_task_is_removed_and_the_task_renumbered_below_it_is_still_the_same_task()
    {
        var stored = Stored();
        var lines = Wuhan.Split('\n').ToList();
        lines.RemoveAt(lines.FindIndex(l => l.StartsWith("11. 加快建设国际消费中心城市", StringComparison.Ordinal)));
        var revised = Replace(string.Join('\n', lines), "12. 营造国际化城市生活空间", "11. 营造国际化城市生活空间");

        var diff = PlanRevisions.Diff(stored, PlanDocumentParser.Parse(revised));

        var tasks = diff.Changes.Where(c => c.Part == RevisionPart.Task).ToList();
        Assert.Equal(TaskNumbered(stored, 11).Id, Assert.Single(tasks, t => t.Change == RevisionChange.Removed).ExistingId);
        var moved = Assert.Single(tasks, t => t.Change == RevisionChange.Changed);
        Assert.Equal(TaskNumbered(stored, 12).Id, moved.ExistingId);
        Assert.StartsWith("11. 营造国际化城市生活空间", moved.Key);
        // 市税务局 was named by task 11 alone; its other units still have tasks.
        var unit = Assert.Single(diff.Changes, c => c.Part == RevisionPart.Unit);
        Assert.Equal(("市税务局", RevisionChange.Removed), (unit.Key, unit.Change));
    }

    [Fact]
    public void A_changed_target_value_is_the_same_target_changed_and_a_moved_phase_is_changed()
    {
        var stored = Stored();
        var revised = Replace(Replace(Wuhan, "国际友城和友好交流城市数量达到 129 个", "国际友城和友好交流城市数量达到 130 个"),
            "(二)办理落实阶段(2026年4月—9月)", "(二)办理落实阶段(2026年4月—10月)");

        var diff = PlanRevisions.Diff(stored, PlanDocumentParser.Parse(revised));

        var target = Assert.Single(diff.Changes, c => c.Part == RevisionPart.Target);
        Assert.Equal(RevisionChange.Changed, target.Change);
        Assert.Equal(stored.TargetGroups[0].Targets[0].Id, target.ExistingId);
        var phase = Assert.Single(diff.Changes, c => c.Part == RevisionPart.Phase);
        Assert.Equal(RevisionChange.Changed, phase.Change);
        Assert.Contains("2026-10", phase.After);
    }

    [Fact]
    public void Another_issuers_document_or_another_citys_plan_cannot_revise_the_plan()
    {
        var stored = Stored();
        var otherIssuer = PlanDocumentParser.Parse(Replace(Wuhan, "武政办〔2026〕26号", "成府办〔2026〕26号"));
        Assert.Equal(RevisionRefusal.OtherIssuer, PlanRevisions.Check(stored, otherIssuer));
        Assert.Equal(RevisionRefusal.OtherPlan, PlanRevisions.Check(stored, PlanDocumentParser.Parse(Fixture.Text("chengdu-qianrushi-2024.txt"))));
        Assert.Null(PlanRevisions.Check(stored, PlanDocumentParser.Parse(Replace(Wuhan, "武政办〔2026〕26号", "武政办〔2026〕31号"))));
    }

    [Fact]
    public void Similarity_is_one_for_the_same_text_and_low_for_unrelated_text()
    {
        Assert.Equal(1, PlanRevisions.Similarity("提升赛事展会影响力", "提升 赛事展会影响力"));
        Assert.True(PlanRevisions.Similarity("提升赛事展会影响力", "提升国际赛事展会影响力") > 0.75);
        Assert.True(PlanRevisions.Similarity("提升赛事展会影响力", "加大国际人才引育力度") < 0.2);
    }
}

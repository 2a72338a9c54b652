using Jiaowang.Core.Documents;
using Jiaowang.Core.Plans;

namespace Jiaowang.Core.Tests.Plans;

public sealed class PlanBuilderTests
{
    static ParsedPlan Plan(string title, params ParsedTask[] tasks) => new(title, null, null, [], tasks, [],
        tasks.SelectMany(t => t.LeadUnits.Concat(t.CoUnits)).Distinct().ToList(), [], []);

    static ParsedTask Task(int number, string[] lead, string[] co) => new(number, "组", "一", $"任务{number}", $"任务{number}。", lead, co, number);

    [Fact]
    public void A_unit_named_twice_in_one_task_takes_part_once_in_its_first_role()
    {
        var plan = PlanBuilder.Build(Plan("方案", Task(1, ["市商务局"], ["市文旅局", "市商务局"])), "plan.txt", "text", _ => null, DateTimeOffset.UnixEpoch);

        var assignments = plan.TaskGroups.Single().Tasks.Single().Assignments;
        Assert.Equal([("市商务局", AssignmentRole.Lead), ("市文旅局", AssignmentRole.Co)], assignments.Select(a => (a.Unit!.Name, a.Role)));
    }

    [Fact]
    public void Units_already_stored_are_reused_and_one_unit_object_serves_every_task()
    {
        var stored = new Unit { Id = 7, Name = "市委外办" };
        var plan = PlanBuilder.Build(Plan("方案", Task(1, ["市委外办"], []), Task(2, ["市教育局"], ["市委外办"])),
            "plan.txt", "text", name => name == "市委外办" ? stored : null, DateTimeOffset.UnixEpoch);

        var units = plan.TaskGroups.SelectMany(g => g.Tasks).SelectMany(t => t.Assignments).Select(a => a.Unit).ToList();
        Assert.Same(stored, units[0]);
        Assert.Same(stored, units[2]);
        Assert.Same(units[1], plan.TaskGroups.Single().Tasks[1].Assignments[0].Unit);
    }

    [Fact]
    public void A_plan_without_a_title_is_named_after_its_file()
    {
        var plan = PlanBuilder.Build(Plan("", Task(1, ["市委外办"], [])), "外事工作方案.docx", "text", _ => null, DateTimeOffset.UnixEpoch);
        Assert.Equal("外事工作方案", plan.Title);
    }

    [Fact]
    public void The_fingerprint_ignores_line_endings_and_blank_lines_but_not_words()
    {
        Assert.Equal(PlanBuilder.Fingerprint("一、目标\r\n\r\n达到 129 个\n"), PlanBuilder.Fingerprint("一、目标\n达到 129 个"));
        Assert.NotEqual(PlanBuilder.Fingerprint("达到 129 个"), PlanBuilder.Fingerprint("达到 130 个"));
    }
}

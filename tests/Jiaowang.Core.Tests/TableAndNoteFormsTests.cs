using System.Text;
using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>The ways other cities write who leads and who supports, and the measures of a task (issue 14, items 3 and 6).</summary>
public class TableAndNoteFormsTests
{
    private static ParsedTask OnlyTask(string body)
    {
        var plan = PlanDocumentParser.Parse("某市某某工作方案\n\n一、重点任务\n\n" + body);
        return Assert.Single(plan.Tasks);
    }

    [Theory]
    [InlineData("1.办好国际友城论坛。由市委外办牵头，市商务局、市文旅局配合。", new[] { "市委外办" }, new[] { "市商务局", "市文旅局" })]
    [InlineData("1.办好国际友城论坛。由市委外办牵头，会同市商务局、市文旅局等部门共同推进。", new[] { "市委外办" }, new[] { "市商务局", "市文旅局" })]
    [InlineData("1.办好国际友城论坛。（责任单位：市委外办（牵头）、市商务局、市文旅局）", new[] { "市委外办" }, new[] { "市商务局", "市文旅局" })]
    [InlineData("1.办好国际友城论坛。（市商务局、市委外办〔牵头〕）", new[] { "市委外办" }, new[] { "市商务局" })]
    [InlineData("1.城乡居民收入增速保持领先。\n责任单位:市人力社保局、市农业农村局分别牵头", new[] { "市人力社保局", "市农业农村局" }, new string[0])]
    [InlineData("1.修编园区规划。(牵头单位:县园区服务中心;责任单位:新材料产业园、食品产业园等)", new[] { "县园区服务中心" }, new[] { "新材料产业园", "食品产业园" })]
    [InlineData("1.办好友城论坛。（牵头单位：市委外办；配合单位：市商务局；完成时限：2026年6月底前）", new[] { "市委外办" }, new[] { "市商务局" })]
    [InlineData("1.建设国际化社区。（市民政局、市委外办、各区人民政府）", new[] { "市民政局" }, new[] { "市委外办", "各区人民政府" })]
    [InlineData("1.办好友城论坛。（牵头单位：市委外办；责任领导：张三）", new[] { "市委外办" }, new string[0])]
    [InlineData("1.办好友城论坛。（责任主体：市委外办、市商务局）", new[] { "市委外办" }, new[] { "市商务局" })]
    public void Lead_and_co_units_in_the_forms_plans_use(string body, string[] leads, string[] cos)
    {
        var task = OnlyTask(body);
        Assert.Equal(leads, task.LeadUnits);
        Assert.Equal(cos, task.CoUnits);
        Assert.DoesNotContain("牵头", task.Text);
    }

    [Fact]
    public void A_bracket_at_the_end_that_is_not_a_list_of_units_is_not_a_note()
    {
        var plan = PlanDocumentParser.Parse("某市某某工作方案\n\n一、重点任务\n\n1.办好友城论坛（含开发区管委会）。\n\n2.推进国际化建设（2026年）。");
        Assert.All(plan.Tasks, t => Assert.Empty(t.LeadUnits));
        Assert.Equal(2, plan.Warnings.Count);
    }

    [Fact]
    public void A_deadline_in_the_note_is_the_tasks_deadline()
    {
        Assert.Equal("2026年6月底前", OnlyTask("1.办好友城论坛。（牵头单位：市委外办；完成时限：2026年6月底前）").Deadline);
    }

    [Theory]
    [InlineData("1.深化友城合作。一是拓展友城网络；二是办好友城论坛；三是开展青年交流。（责任单位：市委外办）", new[] { "一是拓展友城网络", "二是办好友城论坛", "三是开展青年交流" })]
    [InlineData("1.深化友城合作。\n(1)拓展友城网络。\n(2)办好友城论坛。\n（责任单位：市委外办）", new[] { "拓展友城网络", "办好友城论坛" })]
    [InlineData("1.深化友城合作。\n①拓展友城网络；\n②办好友城论坛；\n③开展青年交流。\n（责任单位：市委外办）", new[] { "拓展友城网络", "办好友城论坛", "开展青年交流" })]
    [InlineData("1.深化友城合作，统一是非标准。（责任单位：市委外办）", new string[0])]
    public void Measures_a_task_names_are_read_in_order(string body, string[] measures)
    {
        Assert.Equal(measures, OnlyTask(body).Measures.Select(m => m.Text).ToList());
    }

    [Fact]
    public void A_range_in_chinese_numerals_keeps_both_bounds()
    {
        var plan = PlanDocumentParser.Parse("某市工作方案\n\n一、工作目标\n\n培育八至十个百亿企业。");
        var target = Assert.Single(plan.Targets);
        Assert.Equal((8m, 10m, "个"), (target.Value, target.UpperValue!.Value, target.Unit));
    }

    [Fact]
    public void A_tabbed_table_with_a_responsible_column_reads_the_first_unit_as_lead()
    {
        var text = "某区重点任务清单\n\n序号\t工作任务\t责任单位\t完成时间\n1\t建设国际化社区。\t区民政局、区外办\t2026年底\n2\t举办国际美食节。\t区商务局\t2026年10月";
        var plan = PlanDocumentParser.Parse(text);

        Assert.Equal([("区民政局", "区外办", "2026年底"), ("区商务局", "", "2026年10月")],
            plan.Tasks.Select(t => (string.Join("、", t.LeadUnits), string.Join("、", t.CoUnits), t.Deadline ?? "")).ToList());
        Assert.Equal("建设国际化社区", plan.Tasks[0].Title);
    }

    [Fact]
    public void A_plan_with_sections_but_no_units_is_read_with_a_warning_per_task_not_refused()
    {
        var text = "某镇人居环境整治工作方案\n\n一、工作目标\n\n全面改善人居环境。\n\n二、重点任务\n\n（一）清理村庄垃圾。一是清运积存垃圾；二是建立保洁制度。\n\n（二）整治乱搭乱建。\n\n三、保障措施\n\n（一）加强组织领导。";
        var result = PlanDocumentReader.Read("方案.txt", Encoding.UTF8.GetBytes(text));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["清理村庄垃圾", "整治乱搭乱建"], result.Plan!.Tasks.Select(t => t.Title).ToList());
        Assert.Equal(2, result.Plan.Warnings.Count);
        Assert.Equal(2, result.Plan.Tasks[0].Measures.Count);
    }

    [Fact]
    public void Measures_appear_in_the_parse_json()
    {
        var plan = PlanDocumentParser.Parse("某市工作方案\n\n一、重点任务\n\n1.深化友城合作。一是拓展友城网络；二是办好友城论坛。（责任单位：市委外办）");
        var json = PlanJson.Serialize(plan);
        Assert.Contains("\"measures\": [", json);
        Assert.Contains("\"text\": \"二是办好友城论坛\"", json);
        Assert.Contains("\"deadline\": null", json);
    }
}

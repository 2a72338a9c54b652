using System.Net;
using Jiaowang.Core.Demo;

namespace Jiaowang.Web.Features.Demo;

/// <summary>
/// Composes the invented report texts from the task's own words and a set of phrasings the office's real reports use
/// (已做工作、主要数据、存在问题、下一步), so that the demo reads like a unit's report without being one. Every text opens
/// with <see cref="DemoRun.TextMark"/>.
/// </summary>
public static class DemoTexts
{
    /// <summary>The measures a task lists, as short clauses: "举办世界青年发展论坛、武汉国际友城合作大会等重大涉外活动".</summary>
    /// <param name="title">The task's title, which the text opens with: a report names it once, not as a measure.</param>
    public static IReadOnlyList<string> Clauses(string taskText, string title = "")
    {
        var text = taskText;
        foreach (var note in new[] { "(责任单位", "（责任单位" })
        {
            var at = text.IndexOf(note, StringComparison.Ordinal);
            if (at >= 0) text = text[..at];
        }
        var clauses = text.Split(['。', ',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Trim('“', '”', ' '))
            .Where(c => c.Length is >= 6 and <= 48)
            .Where(c => title.Length == 0 || !(c.Contains(title) || title.Contains(c)))
            .ToList();
        return clauses.Count > 0 ? clauses : [taskText.Length > 40 ? taskText[..40] : taskText];
    }

    static readonly string[] Openers =
    [
        "召开专题推进会，研究部署", "对接相关部门和各区，协同推进", "组织开展实地调研，督促落实", "制定月度工作清单，细化推进",
        "与境外合作方开展视频会商，推动", "会同有关单位梳理项目清单，推进", "印发工作提示，部署", "开展专项调度，推动",
    ];

    static readonly string[] CoOpeners =
    [
        "配合牵头单位做好", "按照牵头单位分工，协助推进", "结合本单位职责，配合开展", "主动对接牵头单位，参与",
    ];

    static readonly string[] Results =
    [
        "各项工作按计划推进", "阶段性成效初步显现", "相关工作取得新进展", "工作机制进一步健全", "推进节奏总体符合序时要求",
    ];

    static readonly string[] Problems =
    [
        "部分项目受境外审批周期影响，推进速度偏慢", "跨部门协调机制仍需完善，信息共享不够及时", "专项资金保障压力较大",
        "专业外语和外事人才储备不足", "部分境外合作方对接渠道不够稳定", "统计口径尚未完全统一，数据归集较慢",
        "宣传推介的针对性和精准度有待提高",
    ];

    static readonly string[] NextSteps =
    [
        "加强与牵头单位的沟通会商，确保按期完成", "建立周调度机制，压实责任、挂图作战", "加大对接力度，争取更多项目落地",
        "做好数据统计和佐证材料归集", "围绕重点活动提前谋划、精心组织", "及时总结经验做法，形成可复制推广的案例",
    ];

    static readonly Func<DemoDice, string>[] Figures =
    [
        d => $"本月开展相关对接活动 {d.Between(2, 12)} 场次，参与企业和机构 {d.Between(5, 60)} 家",
        d => $"推动签约（意向）项目 {d.Between(1, 8)} 个，涉及金额约 {d.Between(1, 40)} 亿元",
        d => $"接待境外来访团组 {d.Between(1, 9)} 批 {d.Between(8, 120)} 人次",
        d => $"发布外宣稿件 {d.Between(4, 30)} 篇，海外平台阅读量约 {d.Between(3, 90)} 万次",
        d => $"组织企业参加境外展会 {d.Between(1, 6)} 场，达成合作意向 {d.Between(2, 25)} 项",
        d => $"协调解决企业和项目诉求 {d.Between(2, 15)} 件",
    ];

    public static readonly IReadOnlyList<string> ReturnComments =
    [
        "请补充本月具体工作的量化数据，并注明统计口径。",
        "“存在问题”部分过于笼统，请结合实际具体说明。",
        "下一步措施请明确时间节点和责任处室。",
        "请对照方案任务分解逐项报告进展，避免与上月内容重复。",
        "请补充与牵头单位的协同配合情况。",
    ];

    static readonly string[] Supplements =
    [
        "已按要求补充量化数据，统计口径为本单位工作台账", "已细化存在问题及原因分析", "已明确下一步工作的时间节点和责任处室",
        "已逐项对照任务分解补充进展情况", "已补充与牵头单位协同配合的具体情况",
    ];

    static readonly string[] LeaderNotes =
    [
        "此项工作成效明显，请总结经验做法，适时推广。",
        "请进一步加大工作力度，确保“{0}”取得实效。",
        "请市委外办加强统筹协调，推动存在问题尽快解决。",
        "请牵头单位会同配合单位研究提出针对性措施，按时报结果。",
        "进度偏慢，请分析原因，倒排工期，确保完成全年目标。",
    ];

    static readonly string[] Answers =
    [
        "已按批示要求召开专题会议研究落实，明确责任处室和完成时限，相关工作正有序推进。",
        "已会同相关单位制定整改措施，问题已基本解决，后续情况将在月报中持续报告。",
        "已总结形成经验材料报市委外办，并在全市推进会上作交流发言。",
        "已倒排工期、挂图作战，每周调度一次，确保按期完成目标任务。",
    ];

    static string P(string text) => "<p>" + WebUtility.HtmlEncode(text) + "</p>";

    static string Heading(string label, string text) => "<p><strong>" + WebUtility.HtmlEncode(label) + "</strong>" + WebUtility.HtmlEncode(text) + "</p>";

    /// <summary>A monthly report (月报) for one task.</summary>
    public static string Monthly(DemoDice d, string unit, string taskTitle, IReadOnlyList<string> clauses, bool lead, DateOnly month)
    {
        var (first, second) = d.PickTwo(clauses);
        var opener = lead ? d.Pick(Openers) : d.Pick(CoOpeners);
        var (f1, f2) = d.PickTwo(Figures);
        return string.Concat(
            P($"{DemoRun.TextMark}{month.Year}年{month.Month}月，{unit}{(lead ? "作为牵头单位" : "作为配合单位")}围绕“{taskTitle}”推进办理工作。"),
            Heading("已做工作：", $"{opener}“{first}”相关工作，{d.Pick(Results)}；同时推进“{second}”。"),
            Heading("主要数据：", $"{f1(d)}；{f2(d)}。"),
            Heading("存在问题：", d.Pick(Problems) + "。"),
            Heading("下一步：", d.Pick(NextSteps) + "。"));
    }

    /// <summary>A stage summary (阶段性总结) or the final summary (办理工作情况总结): a paragraph per task of the unit.</summary>
    public static string Summary(DemoDice d, string unit, string title, IReadOnlyList<(string Title, IReadOnlyList<string> Clauses, bool Lead)> tasks, bool final)
    {
        var parts = new List<string>
        {
            P($"{DemoRun.TextMark}{unit}{title}。"),
            P(final
                ? $"按照市政协十四届五次会议3号建议案办理工作方案的部署，{unit}承担 {tasks.Count} 项任务，现将全年办理工作情况总结如下。"
                : $"{unit}承担 {tasks.Count} 项任务，按照方案要求细化举措、压实责任，现将本阶段工作情况报告如下。"),
        };
        var numbers = "一二三四五六七八九十";
        for (var i = 0; i < tasks.Count; i++)
        {
            var (taskTitle, clauses, lead) = tasks[i];
            var (c1, c2) = d.PickTwo(clauses);
            var n = i < numbers.Length ? numbers[i].ToString() : (i + 1).ToString();
            parts.Add(Heading($"{n}、{taskTitle}（{(lead ? "牵头" : "配合")}）：", $"{d.Pick(lead ? Openers : CoOpeners)}“{c1}”，{d.Pick(Results)}；“{c2}”{(final ? "全年目标任务基本完成" : "按计划推进")}。"));
        }
        var (f1, f2) = d.PickTwo(Figures);
        var span = final ? "全年" : "本阶段";
        parts.Add(Heading(final ? "主要成效：" : "主要数据：", $"{f1(d).Replace("本月", span)}；{f2(d).Replace("本月", span)}。"));
        parts.Add(Heading(final ? "存在的不足：" : "存在问题：", d.Pick(Problems) + "。"));
        parts.Add(Heading(final ? "下一步打算：" : "下一步：", d.Pick(NextSteps) + "。"));
        return string.Concat(parts);
    }

    public static string Revised(DemoDice d, string text) => text + Heading("补充说明（根据审核意见修改）：", d.Pick(Supplements) + "。");

    public static string Instruction(DemoDice d, IReadOnlyList<string> clauses) => string.Format(d.Pick(LeaderNotes), d.Pick(clauses));

    public static string Answer(DemoDice d) => DemoRun.TextMark + d.Pick(Answers);

    public static string Reminder(string unit, string period, DateOnly due, DateOnly on, int missing, bool second) =>
        $"{DemoRun.TextMark}{(second ? "二次催办：" : "")}{unit}：{period}应于{due.Year}年{due.Month}月{due.Day}日前报送，" +
        $"截至{on.Year}年{on.Month}月{on.Day}日尚有 {missing} 份未报送，请抓紧报送。";

    public static readonly IReadOnlyList<string> ReadingSources =
    [
        "本单位工作台账", "市统计局月度统计数据", "海关进出口统计", "行业主管部门统计快报", "项目清单逐项核对",
    ];
}

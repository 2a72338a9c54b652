using System.Globalization;
using Jiaowang.Core.Assessment;
using Jiaowang.Core.Documents.Word;
using Jiaowang.Web.Features.Assessment;
using static Jiaowang.Web.Features.Documents.DocumentParts;

namespace Jiaowang.Web.Features.Documents;

/// <summary>
/// 结果考评 in the final summary: the weights the office set, the units ranked by score, and for each what cost points
/// (the same figures as <c>GET /api/plans/{id}/assessment</c> and its Excel export).
/// </summary>
static class AssessmentSection
{
    /// <summary>The criteria as the document names them (Chinese: the document is an official Chinese text).</summary>
    public static string Name(string code) => code switch
    {
        "reportsOnTime" => "按时报送",
        "acceptedFirstTime" => "一次通过",
        "noExtensions" => "未申请延期",
        "followUpsClosed" => "督办事项办结",
        "instructionsAnswered" => "批示回复",
        "noticesAnsweredInTime" => "督办单按时答复",
        "satisfaction" => "满意度",
        _ => code,
    };

    static string Points(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    public static void Write(OfficialDocument document, string heading, AssessmentResult result)
    {
        document.Heading1(heading);
        var weights = string.Join("、", result.Weights.All.Where(w => w.Points > 0).Select(w => $"{Name(w.Code)}{w.Points}分"));
        document.Text($"按照领导小组办公室确定的考评权重（{weights}，满分{result.Weights.Total}分），根据平台记录的报送、审核、延期、督办事项、"
                      + $"领导批示、督办单和满意度情况，截至{Day(result.AsOf)}对{result.Units.Count}家责任单位进行考评，结果如下。");
        var rows = result.Units.Select(u => (IReadOnlyList<string>)
        [
            u.Rank.ToString(CultureInfo.InvariantCulture), u.UnitName, Points(u.Score),
            u.Costs.Any() ? string.Join("；", u.Costs.Select(Cost)) : "未失分",
        ]).ToList();
        document.Table(["名次", "单位", "得分", "失分说明"], rows, [4, 10, 4, 16], new HashSet<int> { 0, 2 });
        document.Text("注：各项得分＝该项权重×按要求办理的事项占应办事项的比例；没有应办事项的项目得满分；满意度按满意100分、基本满意60分、不满意0分折算。");
    }

    /// <summary>"按时报送扣12.5分（10项中5项达标）"; the vote's share is a score, not a count.</summary>
    static string Cost(ScoreItem item) => item.Code == "satisfaction"
        ? $"{Name(item.Code)}扣{Points(item.Lost)}分（得分率{item.Good}%）"
        : $"{Name(item.Code)}扣{Points(item.Lost)}分（{item.Of}项中{item.Good}项达标）";
}

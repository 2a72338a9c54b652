using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

/// <summary>
/// Real task tables (issue 14) built back into Word tables (w:tbl): the rows of Fixtures/qiaocheng-2025-fenjie.txt
/// (a group row across the table, a lead cell holding two units as two paragraphs) and of
/// Fixtures/huoshan-2025-kaifaqu.txt (a person column, a deadline column) and of Fixtures/dazhu-2016-minsheng.txt
/// (units one a paragraph in their cell; row 5's 序号 and 责任单位 merged over two rows with a deadline each).
/// The .docx must parse as the text copied from the web page does, and both as the hand-written expectation says.
/// </summary>
public class DocxTableRealPlanTests
{
    private static readonly string?[][] QiaochengRows =
    [
        ["序号", "重点工作任务", "主要责任单位", "协同配合单位"],
        ["一、2025年经济社会发展的主要预期目标"],
        ["1", "地区生产总值增长6.5%左右。", "区发改委", "区政府各部门,各乡镇人民政府、街道办事处,谯城经开区管委会,魏武国控集团。"],
        ["2", "一般公共预算收入增长5%左右。", "区财政局\n区税务局", "区政府有关部门,各乡镇人民政府、街道办事处,谯城经开区管委会,魏武国控集团。"],
        ["3", "固定资产投资增长7.5%左右。", "区发改委", "区工信局、区住建局、区交通局、区水利局、区农业农村局、区教育局、区卫健委,各乡镇人民政府、街道办事处,谯城经开区管委会,魏武国控集团。"],
        ["4", "社会消费品零售总额增长8.2%左右。", "区商务局", "区发改委、区市场监管局。"],
        ["5", "规模以上工业增加值增长10%左右。", "区工信局", "区农业农村局、区商务局、区药发中心,各乡镇人民政府、街道办事处,谯城经开区管委会。"],
    ];

    private static readonly string?[][] HuoshanRows =
    [
        ["序号", "重点工作", "责任领导", "责任单位", "完成时限"],
        ["1", "坚持服务跟着项目走,优化“重点项目直通车”“无忧办”工作机 制,落实重点项目“领导+专班””“项目管家”等制度,全力服务重 大项目落地见效。", "叶林", "招商工作部、安商工作部", "全年"],
        ["2", "全力推进开发区“空间再造”,推动工业用地“腾笼换鸟”,力争 全年盘活僵尸企业10家,盘活存量土地400亩。", "马振明", "改革办", "全年"],
        ["3", "持续提升园区承载能力,加快推进开发区污水处理厂及污水管 网提升项目,全面做好纬六路以北、中沟以北地块水电气路网 等基础设施配套。", "张云峰", "规划建设局", "全年"],
    ];

    private static readonly string?[][] DazhuRows =
    [
        ["序号", "民生实事", "责任单位", "完成时限"],
        ["1", "启动建设东柳河城区段综合治理工程和东湖湿地公园。", "县水务局\n县住建局\n县护城河指挥部", "12月底前"],
        ["2", "新建2座人行天桥。", "县住建局", "9月投入使用"],
        ["3", "启动县图书馆新馆建设。", "县文体广新局\n县代建中心", "12月底前"],
        ["4", "建成县残疾人综合服务中心。", "县残联", "5月底前动工"],
        ["5", "开工建设县老年养护楼。", "县民政局", "5月底前动工"],
        [null, "开工建设老年大学。", null, "12月底前"],
        ["6", "迁建县政务服务中心。", "县政务服务中心\n县代建中心", "12月底前"],
        ["7", "加快推进土地滩水库建设。", "县水务局", "12月底前"],
        ["8", "启动大竹县第十二小学建设,新建中心幼儿园2所。", "县教科局\n县代建中心", "12月底前"],
        ["9", "完成棚户区改造2836户。", "县住建局", "12月底前"],
        ["10", "城区再新建1个农贸市场。", "县商务局", "12月底前"],
    ];

    public static TheoryData<string, string, string?[][]> Tables() => new()
    {
        { "qiaocheng-2025-fenjie", "谯城区2025年政府工作报告重点工作任务分解表", QiaochengRows },
        { "huoshan-2025-kaifaqu", "2025年开发区重点工作及责任清单", HuoshanRows },
        { "dazhu-2016-minsheng", "2016年民生实事目标任务分解表", DazhuRows },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_real_table_as_a_word_table_parses_as_its_text_and_its_expectation(string stem, string caption, string?[][] rows)
    {
        var docx = DocxTableTests.Build([caption], rows);
        Assert.Empty(Jiaowang.Tests.Documents.OfficeTools.Validate(docx));
        var fromWord = PlanDocumentReader.Read(stem + ".docx", docx);
        var fromText = PlanScoreTests.Parse(stem);

        Assert.True(fromWord.Succeeded, fromWord.Error?.Message);
        Assert.Equal(DocxTableTests.Summary(fromText), DocxTableTests.Summary(fromWord.Plan!));
        Assert.Equal(fromText.Targets.Select(t => (t.Value, t.Unit)), fromWord.Plan!.Targets.Select(t => (t.Value, t.Unit)));
        var expected = PlanScoreTests.Load(stem + ".expected");
        var (hit, found, wanted) = PlanScoreTests.UnitCounts(fromWord.Plan, expected);
        Assert.Equal((wanted, wanted), (hit, found));
        Assert.Empty(fromWord.Plan.Warnings);
    }
}

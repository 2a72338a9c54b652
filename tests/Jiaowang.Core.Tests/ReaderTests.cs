using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiaowang.Core.Documents;

namespace Jiaowang.Core.Tests;

public class ReaderTests
{
    private const string MiniPlan = """
        某市人民政府办公室
        2026年3月9日
        某市国际交往提升工作方案
        一、工作目标
        ——交往能级进一步提升,国际友城数量达到 130 个,入境游客人数达到 160 万人次。
        二、工作任务
        (一)扩大国际交往影响力
        1. 建设重要外事舞台。积极承办主场外交活动。(牵头单位:市委外办;配合单位:市商务局、各区人民政府〈含开发区,下同〉)
        2. 构建城市形象传播体系。讲好城市故事。(责任单位:市委宣传部,市文旅局)
        三、工作安排
        (一)动员部署阶段(2026年3月)。制定方案。
        (二)办理落实阶段(2026年4月—9月)。开展工作。
        """;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static byte[] Docx(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_docx_is_read_paragraph_by_paragraph_and_parsed_like_the_text()
    {
        var result = PlanDocumentReader.Read("plan.bin", Docx(MiniPlan.Split('\n')));

        Assert.True(result.Succeeded, result.Error?.Message);
        var fromText = PlanDocumentParser.Parse(MiniPlan);
        Assert.Equal(JsonSerializer.Serialize(fromText, Json), JsonSerializer.Serialize(result.Plan, Json));
        Assert.Equal("某市国际交往提升工作方案", result.Plan!.Title);
        Assert.Equal(2, result.Plan.Targets.Count);
        Assert.Equal(["市委外办", "市委宣传部"], result.Plan.Tasks.SelectMany(t => t.LeadUnits));
        Assert.Equal(2, result.Plan.Phases.Count);
    }

    [Fact]
    public void A_text_file_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MiniPlan)).ToArray();
        var result = PlanDocumentReader.Read("plan.txt", bytes);
        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Plan!.Tasks.Count);
        Assert.Equal(MiniPlan, result.Text);
    }

    [Fact]
    public void A_gb18030_text_file_is_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var result = PlanDocumentReader.Read("plan.txt", Encoding.GetEncoding("GB18030").GetBytes(MiniPlan));
        Assert.True(result.Succeeded);
        Assert.Equal("某市国际交往提升工作方案", result.Plan!.Title);
    }

    [Fact]
    public void The_seed_file_is_read_from_its_path()
    {
        var result = PlanDocumentReader.Read(Fixture.Path("wuhan-2026-26.txt"));
        Assert.True(result.Succeeded);
        Assert.Equal(12, result.Plan!.Tasks.Count);
    }

    public static TheoryData<string, PlanReadErrorKind, string, string> BadInputs => new()
    {
        { "missing", PlanReadErrorKind.Missing, "无法读取 plan.txt：文件不存在。", "Cannot read plan.txt: the file does not exist." },
        { "empty", PlanReadErrorKind.Empty, "无法读取 plan.txt：文件为空。", "Cannot read plan.txt: the file is empty." },
        { "blank", PlanReadErrorKind.Empty, "无法读取 plan.txt：文件为空。", "Cannot read plan.txt: the file is empty." },
        { "nul", PlanReadErrorKind.Binary, "无法读取 plan.txt：这不是文本文件或 Word（.docx）文档。", "Cannot read plan.txt: it is not a text file or a Word (.docx) document." },
        { "invalid-utf8", PlanReadErrorKind.Binary, "无法读取 plan.txt：这不是文本文件或 Word（.docx）文档。", "Cannot read plan.txt: it is not a text file or a Word (.docx) document." },
        { "zip", PlanReadErrorKind.Binary, "无法读取 plan.txt：这不是文本文件或 Word（.docx）文档。", "Cannot read plan.txt: it is not a text file or a Word (.docx) document." },
        { "prose", PlanReadErrorKind.NoPlanStructure, "无法读取 plan.txt：没有找到目标或任务，这不像一份工作方案。", "Cannot read plan.txt: no targets or tasks were found, so it does not look like a work plan." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_file_gives_its_kind_and_a_one_line_message_naming_it_in_both_cultures(string input, PlanReadErrorKind kind, string chinese, string english)
    {
        var directory = Directory.CreateTempSubdirectory("jiaowang-reader-");
        try
        {
            var path = Path.Combine(directory.FullName, "plan.txt");
            if (input != "missing") File.WriteAllBytes(path, Content(input));

            using (new UiCulture("zh-CN"))
            {
                var error = PlanDocumentReader.Read(path).Error;
                Assert.NotNull(error);
                Assert.Equal((kind, "plan.txt", chinese), (error.Kind, error.File, error.Message));
            }
            using (new UiCulture("en-US"))
            {
                var error = PlanDocumentReader.Read(path).Error!;
                Assert.Equal((kind, english), (error.Kind, error.Message));
                Assert.DoesNotContain('\n', error.Message);
            }
        }
        finally
        {
            directory.Delete(true);
        }
    }

    private static byte[] Content(string input) => input switch
    {
        "empty" => [],
        "blank" => Encoding.UTF8.GetBytes(" \n\u3000\r\n\t"),
        "nul" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
        "invalid-utf8" => [0xE6, 0xAD, 0x80, 0xFF, 0xC3, 0x28, 0xFE],
        "zip" => Zip(),
        "prose" => Encoding.UTF8.GetBytes("长江日报记者报道,武汉国际友城已遍及全球。\n\n今年4月,交流周在武汉举办。"),
        _ => throw new ArgumentOutOfRangeException(nameof(input)),
    };

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, true))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            writer.Write("not a word document");
        return stream.ToArray();
    }
}

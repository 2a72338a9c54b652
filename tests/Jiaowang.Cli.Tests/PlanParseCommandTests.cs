using System.Text.Json;
using Jiaowang.Web.Data;

namespace Jiaowang.Cli.Tests;

public sealed class PlanParseCommandTests
{
    static readonly string Seed = Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath);

    [Fact]
    public async Task Parsing_the_Wuhan_plan_prints_it_as_camel_case_json()
    {
        var result = await Cli.RunAsync(["plan", "parse", Seed]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("武政办〔2026〕26号", root.GetProperty("documentNumber").GetString());
        Assert.Equal(19, root.GetProperty("targets").GetArrayLength());
        Assert.Equal(12, root.GetProperty("tasks").GetArrayLength());
        Assert.Equal(31, root.GetProperty("units").GetArrayLength());
        Assert.Equal("市委外办", root.GetProperty("units")[0].GetString());
        Assert.Equal(["2026-03", "2026-04", "2026-10"], root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("start").GetString()));
        Assert.Equal(["2026-03", "2026-09", "2026-12"], root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("end").GetString()));
        var trains = root.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("value").GetDecimal() == 1300m);
        Assert.Contains("年发运量", trains.GetProperty("text").GetString());
        Assert.Equal("列", trains.GetProperty("unit").GetString());
        var task1 = root.GetProperty("tasks")[0];
        Assert.Equal(["市委外办"], task1.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(4, task1.GetProperty("coUnits").GetArrayLength());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task A_missing_file_exits_2_naming_the_file_in_Chinese_or_English()
    {
        var chinese = await Cli.RunAsync(["plan", "parse", "/tmp/no-such-plan.txt"]);
        var english = await Cli.RunAsync(["plan", "parse", "/tmp/no-such-plan.txt"], culture: "en_US.UTF-8");

        AssertBadInput(chinese, "no-such-plan.txt", "不存在");
        AssertBadInput(english, "no-such-plan.txt", "not exist");
    }

    [Theory]
    [InlineData("empty", "空", "empty")]
    [InlineData("binary", "文本", "binary")]
    [InlineData("no-structure", "工作方案", "plan")]
    public async Task Bad_files_exit_2_with_one_line_that_says_what_is_wrong(string kind, string chineseWord, string englishWord)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jiaowang-{kind}-{Guid.NewGuid():N}.txt");
        switch (kind)
        {
            case "empty": await File.WriteAllBytesAsync(path, []); break;
            case "binary": await File.WriteAllBytesAsync(path, [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x89, 0x50]); break;
            default: await File.WriteAllTextAsync(path, "今天天气很好。\n我们去公园散步,然后回家吃饭。\n"); break;
        }
        try
        {
            foreach (var command in new[] { "parse", "import" })
            {
                AssertBadInput(await Cli.RunAsync(["plan", command, path]), Path.GetFileName(path), chineseWord);
                AssertBadInput(await Cli.RunAsync(["plan", command, path], culture: "en_US.UTF-8"), Path.GetFileName(path), englishWord);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    static void AssertBadInput(Cli.Result result, string fileName, string word)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(fileName, line);
        Assert.Contains(word, line, StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Jiaowang.Web.Tests;

public sealed class PlanPagesTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task A_new_user_sees_the_Wuhan_plan_on_the_first_screen_in_Chinese()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/");

        Assert.Contains("市政协十四届五次会议3号建议案办理工作方案", html);
        Assert.Contains("武政办〔2026〕26号", html);
        Assert.Contains("工作目标", html);
        Assert.Contains("工作任务", html);
        Assert.Contains("牵头单位", html);
        foreach (var phase in new[] { "动员部署阶段", "办理落实阶段", "总结汇报阶段" }) Assert.Contains(phase, html);
        Assert.Contains("入境游客人数", html);
        Assert.Contains("营造国际化城市生活空间", html);
    }

    [Fact]
    public async Task The_overview_lists_all_19_targets_and_12_tasks()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/");

        var targetRows = Regex.Matches(html, "<td class=\"wide quote\">").Count;
        var taskLinks = Regex.Matches(html, "class=\"task-title\" href=\"/tasks/\\d+\"").Count;
        Assert.Equal(19, targetRows);
        Assert.Equal(12, taskLinks);
        Assert.Contains("19 项目标 · 12 项任务 · 31 个责任单位", html);
    }

    [Fact]
    public async Task Chinese_is_served_as_characters_not_html_entities()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.DoesNotContain("&#x", html);
        Assert.Contains("<html lang=\"zh-CN\">", html);
    }

    [Fact]
    public async Task Today_is_marked_on_the_timeline_inside_the_implementation_phase()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/");

        Assert.Contains("今天 2026年6月15日", html);
        Assert.Matches("class=\"segment current\"[^>]*>\\s*<strong>办理落实阶段</strong>", html);
        Assert.Matches("class=\"segment done\"[^>]*>\\s*<strong>动员部署阶段</strong>", html);
        Assert.Contains("2026年4月—2026年9月", html);
    }

    [Fact]
    public async Task Culture_en_shows_the_interface_in_English_and_keeps_the_plan_as_written()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/?culture=en");

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Targets", html);
        Assert.Contains("Lead unit", html);
        Assert.Contains("19 targets · 12 tasks · 31 responsible units", html);
        Assert.Contains("Apr 2026 – Sep 2026", html);
        Assert.Contains("入境游客人数", html);
        Assert.DoesNotContain("工作目标</h2>", html);
    }

    [Fact]
    public async Task The_language_choice_is_remembered_for_the_next_page()
    {
        using var client = app.Client();
        await client.GetStringAsync("/?culture=en");
        var next = await client.GetStringAsync("/");
        Assert.Contains("Targets", next);

        await client.GetStringAsync("/?culture=zh-CN");
        var back = await client.GetStringAsync("/");
        Assert.Contains("工作目标", back);
    }

    [Fact]
    public async Task Every_page_offers_a_visible_switch_to_the_other_language()
    {
        using var client = app.Client();
        var chinese = await client.GetStringAsync("/");
        Assert.Matches("<a class=\"lang-switch\" href=\"/\\?culture=en\"[^>]*>English</a>", chinese);

        var english = await client.GetStringAsync("/?culture=en");
        Assert.Matches("<a class=\"lang-switch\" href=\"/\\?culture=zh-CN\"[^>]*>中文</a>", english);
    }

    [Fact]
    public async Task A_unit_page_shows_what_the_unit_leads_and_supports()
    {
        using var client = app.Client();
        var overview = await client.GetStringAsync("/");
        var unitHref = Regex.Match(overview, "<a class=\"unit lead\" href=\"(/units/\\d+)\">市商务局</a>").Groups[1].Value;

        var html = await client.GetStringAsync(unitHref);

        Assert.Contains("<h1>市商务局</h1>", html);
        Assert.Contains("牵头 4 项 · 配合 3 项", html);
        Assert.Contains("建设智慧高效的口岸与通关体系", html); // task 6, led
        Assert.Contains("着力建设承担国家重大外交外事活动的重要舞台", html); // task 1, supported under 市委外办
        Assert.Contains(">市委外办</a>", html);
    }

    [Fact]
    public async Task The_annotated_unit_keeps_its_note_on_its_page()
    {
        using var client = app.Client();
        var overview = await client.GetStringAsync("/");
        var unitHref = Regex.Match(overview, "href=\"(/units/\\d+)\">各区人民政府</a>").Groups[1].Value;

        var html = await client.GetStringAsync(unitHref);

        Assert.Contains("<h1>各区人民政府</h1>", html);
        Assert.Contains("含开发区、长江新区、风景区(管委会)下同", html);
    }

    [Fact]
    public async Task A_task_page_shows_the_full_text_rejoined_and_its_units()
    {
        using var client = app.Client();
        var overview = await client.GetStringAsync("/");
        var taskHref = Regex.Match(overview, "class=\"task-title\" href=\"(/tasks/\\d+)\">3\\. ").Groups[1].Value;

        var html = await client.GetStringAsync(taskHref);

        Assert.Contains("提升赛事展会影响力", html);
        Assert.Contains("打造国际体育赛事名城", html);
        Assert.Matches("<a class=\"unit lead\" href=\"/units/\\d+\">市体育局</a>", html);
        Assert.Matches("<a class=\"unit co\" href=\"/units/\\d+\">各相关区人民政府</a>", html);
        Assert.Matches("<a rel=\"prev\" href=\"/tasks/\\d+\">← 2\\. 构建城市国际形象传播体系</a>", html);
        Assert.Matches("<a rel=\"next\" class=\"next\" href=\"/tasks/\\d+\">4\\. 强化科教经贸国际合作 →</a>", html);
    }

    [Fact]
    public async Task A_missing_page_says_so_in_the_users_language()
    {
        using var client = app.Client();
        var chinese = await client.GetAsync("/units/999999");
        Assert.Equal(HttpStatusCode.NotFound, chinese.StatusCode);
        Assert.Contains("找不到这个页面", await chinese.Content.ReadAsStringAsync());

        var english = await client.GetAsync("/tasks/999999?culture=en");
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_carries_a_print_stylesheet_and_a_phone_viewport()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />", html);

        var cssHref = Regex.Match(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
        var css = await client.GetStringAsync(cssHref);
        Assert.Contains("@media print", css);
        Assert.Contains("@media (max-width", css);
    }
}

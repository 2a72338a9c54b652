using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Services;

/// <summary>家在武汉: the directory API's contract and its fallback to Chinese, on SQLite and on PostgreSQL.</summary>
public abstract class PortalApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    TestDatabase database = null!;
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        factory = new JiaowangFactory(database, settings: new Dictionary<string, string> { ["Services:SignageReportsPerHour"] = "4" });
        factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    HttpClient Anonymous() => factory.CreateClient(new() { AllowAutoRedirect = false });

    static JsonElement Place(JsonDocument list, string key) =>
        list.RootElement.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Places_come_in_the_asked_language_and_a_missing_field_is_the_chinese_marked_untranslated()
    {
        using var client = Anonymous();
        using var french = JsonDocument.Parse(await client.GetStringAsync("/api/services/places?lang=fr"));
        Assert.Equal("fr", french.RootElement.GetProperty("lang").GetString());
        Assert.True(french.RootElement.GetProperty("count").GetInt32() >= 18);

        var tongji = Place(french, "hospital-tongji");
        Assert.Equal("Hôpital Tongji – département médical international", tongji.GetProperty("name").GetProperty("text").GetString());
        Assert.True(tongji.GetProperty("name").GetProperty("translated").GetBoolean());
        // No French address was written: the Chinese stands in, flagged, never a blank.
        Assert.Equal("武汉市解放大道1095号（主院区）", tongji.GetProperty("address").GetProperty("text").GetString());
        Assert.False(tongji.GetProperty("address").GetProperty("translated").GetBoolean());
        Assert.Equal("https://english.tjh.com.cn/Medical-Services/clinics.aspx?id=10", tongji.GetProperty("source").GetString());
        Assert.Equal("2026-12-02", tongji.GetProperty("verifiedOn").GetString());

        var hubei = Place(french, "hospital-hubei-peoples");
        Assert.Equal(("湖北省人民医院国际医疗部", false), (hubei.GetProperty("name").GetProperty("text").GetString(), hubei.GetProperty("name").GetProperty("translated").GetBoolean()));
        Assert.False(hubei.GetProperty("confirmed").GetBoolean());

        // Chinese is the original: always translated.
        using var chinese = JsonDocument.Parse(await client.GetStringAsync("/api/services/places"));
        Assert.Equal("zh", chinese.RootElement.GetProperty("lang").GetString());
        Assert.All(chinese.RootElement.GetProperty("places").EnumerateArray(), p => Assert.True(p.GetProperty("name").GetProperty("translated").GetBoolean()));

        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/services/places/{tongji.GetProperty("id").GetInt32()}?lang=ko"));
        Assert.Equal("퉁지병원 국제의료부", detail.RootElement.GetProperty("name").GetProperty("text").GetString());
        Assert.False(detail.RootElement.GetProperty("services").GetProperty("translated").GetBoolean());
    }

    [Theory]
    [InlineData("?category=hospital", 4)]
    [InlineData("?category=School", 4)]
    [InlineData("?category=consulate&lang=en", 3)]
    [InlineData("?category=emergency&lang=ja", 4)]
    [InlineData("?district=江汉区", 1)]
    [InlineData("?category=hospital&district=硚口区", 1)]
    public async Task Places_filter_by_category_and_district(string query, int expected)
    {
        using var client = Anonymous();
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/services/places" + query));
        Assert.Equal(expected, list.RootElement.GetProperty("places").GetArrayLength());
    }

    [Fact]
    public async Task Bad_filters_are_refused_naming_the_field_and_an_unknown_place_is_404()
    {
        using var client = Anonymous();
        foreach (var (query, field) in new[] { ("?lang=xx", "lang"), ("?category=bank", "category"), ("?category=1", "category"), ("?district=Paris", "district") })
        {
            var response = await client.GetAsync("/api/services/places" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), query);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/services/places/987654?lang=en")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/services/places/1?lang=klingon")).StatusCode);
    }

    [Fact]
    public async Task Counts_show_the_directory_beside_the_plan_figures()
    {
        using var client = Anonymous();
        using var counts = JsonDocument.Parse(await client.GetStringAsync("/api/services/counts"));
        var places = counts.RootElement.GetProperty("places").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!);
        Assert.Equal((4, 6), (places["school"].GetProperty("listed").GetInt32(), places["school"].GetProperty("yardstick").GetInt32()));
        Assert.Equal((1, 51), (places["community"].GetProperty("listed").GetInt32(), places["community"].GetProperty("yardstick").GetInt32()));
        Assert.Equal((4, 8), (places["hospital"].GetProperty("listed").GetInt32(), places["hospital"].GetProperty("yardstick").GetInt32()));
    }

    [Fact]
    public async Task A_signage_report_loses_its_photo_location_goes_to_the_unit_and_its_answer_shows_by_reference()
    {
        using var client = Anonymous();
        var photo = SignPhotos.JpegWithGps();
        var sent = await client.PostAsync("/api/services/signage-reports", SignPhotos.Form("江汉路地铁站C口", "Jianghan Road Stashion", "Jianghan Road Station", photo));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reference = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        Assert.Matches("^BS-[A-Z2-9]{8}$", reference);

        using (var status = JsonDocument.Parse(await client.GetStringAsync($"/api/services/signage-reports/{reference.ToLowerInvariant()}")))
            Assert.Equal("received", status.RootElement.GetProperty("status").GetString());

        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var stored = await db.SignageReports.SingleAsync(r => r.Reference == reference);
            id = stored.Id;
            Assert.Equal("image/jpeg", stored.PhotoType);
            Assert.Equal(-1, SignPhotos.IndexOf(stored.Photo!, "Exif"u8.ToArray()));
            Assert.Equal(-1, SignPhotos.IndexOf(stored.Photo!, "GPS-SECRET"u8.ToArray()));
            Assert.NotEqual(-1, SignPhotos.IndexOf(stored.Photo!, "JFIF"u8.ToArray()));
        }

        // The office routes it to the metro company; that unit's liaison answers; the public sees the answer.
        var office = await Accounts.CreateAsync(factory, "office");
        var liaison = await Accounts.CreateAsync(factory, "liaison", "武汉地铁集团");
        using var officeClient = await Accounts.CookieClientAsync(factory, office.UserName!);
        int unitId;
        await using (var scope = factory.Services.CreateAsyncScope())
            unitId = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Units.Where(u => u.Name == "武汉地铁集团").Select(u => u.Id).SingleAsync();
        var routed = await Accounts.PostFormAsync(officeClient, "/services/office?handler=Route", new() { ["id"] = id.ToString(), ["unitId"] = unitId.ToString() }, "/services/office");
        Assert.Equal(HttpStatusCode.Redirect, routed.StatusCode);

        using var liaisonClient = await Accounts.CookieClientAsync(factory, liaison.UserName!);
        var page = await liaisonClient.GetStringAsync("/services/office");
        Assert.Contains(reference, page);
        var answered = await Accounts.PostFormAsync(liaisonClient, "/services/office?handler=Answer",
            new() { ["id"] = id.ToString(), ["answer"] = "已更正为 Jianghan Road Station", ["isFixed"] = "true" }, "/services/office");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        using var final = JsonDocument.Parse(await client.GetStringAsync($"/api/services/signage-reports/{reference}"));
        Assert.Equal("answered", final.RootElement.GetProperty("status").GetString());
        Assert.Equal("已更正为 Jianghan Road Station", final.RootElement.GetProperty("answer").GetString());
        Assert.Equal("武汉地铁集团", final.RootElement.GetProperty("unit").GetString());
        Assert.True(final.RootElement.GetProperty("fixed").GetBoolean());
        using var counts = JsonDocument.Parse(await client.GetStringAsync("/api/services/counts"));
        Assert.Equal(1, counts.RootElement.GetProperty("signageResolved").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/services/signage-reports/BS-NOSUCH22")).StatusCode);
    }

    [Fact]
    public async Task Signage_photos_are_judged_by_content_and_reports_are_rate_limited()
    {
        using var client = Anonymous();
        var pdfNamedJpeg = await client.PostAsync("/api/services/signage-reports",
            SignPhotos.Form("汉口站", "Hankou Statoin", null, "%PDF-1.4\n%%EOF\n"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, pdfNamedJpeg.StatusCode);
        Assert.Contains("photo", await pdfNamedJpeg.Content.ReadAsStringAsync());

        var missing = await client.PostAsync("/api/services/signage-reports", SignPhotos.Form("", "", null, null));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using (var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("place", out _));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("textSeen", out _));
        }

        var png = await client.PostAsync("/api/services/signage-reports", SignPhotos.Form("汉口站", "Hankou Statoin", "Hankou Station", SignPhotos.PngWithText()));
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().SignageReports.SingleAsync();
            Assert.Equal("image/png", stored.PhotoType);
            Assert.Equal(-1, SignPhotos.IndexOf(stored.Photo!, "GPS-SECRET"u8.ToArray()));
        }
        // Four per hour in this test's settings; three were used.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/services/signage-reports", SignPhotos.Form("汉口站", "x", null, null))).StatusCode);
        var limited = await client.PostAsync("/api/services/signage-reports", SignPhotos.Form("汉口站", "x", null, null));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}

public sealed class SqlitePortalApiTests() : PortalApiTests(DatabaseProvider.Sqlite);
public sealed class PostgresPortalApiTests() : PortalApiTests(DatabaseProvider.Postgres);

/// <summary>Small photos built byte by byte, with location metadata that must not survive.</summary>
public static class SignPhotos
{
    public static MultipartFormDataContent Form(string place, string textSeen, string? suggested, byte[]? photo)
    {
        var form = new MultipartFormDataContent { { new StringContent(place), "place" }, { new StringContent(textSeen), "textSeen" } };
        if (suggested is not null) form.Add(new StringContent(suggested), "suggested");
        if (photo is not null) form.Add(new ByteArrayContent(photo) { Headers = { ContentType = new("image/jpeg") } }, "photo", "sign.jpg");
        return form;
    }

    static byte[] Segment(byte marker, byte[] body) => [0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)((body.Length + 2) & 0xFF), .. body];

    public static byte[] JpegWithGps() =>
    [
        0xFF, 0xD8,
        .. Segment(0xE0, [.. "JFIF\0"u8.ToArray(), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
        .. Segment(0xE1, [.. "Exif\0\0"u8.ToArray(), .. "GPS-SECRET 30.58N 114.27E"u8.ToArray()]),
        .. Segment(0xFE, "GPS-SECRET comment"u8.ToArray()),
        .. Segment(0xDB, new byte[65]),
        .. Segment(0xDA, [1, 1, 0, 0, 63, 0]),
        0x12, 0x34, 0x56, 0xFF, 0xD9,
    ];

    static byte[] Chunk(string type, byte[] data) =>
        [(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length, .. System.Text.Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0];

    public static byte[] PngWithText() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        .. Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
        .. Chunk("tEXt", "Comment\0GPS-SECRET"u8.ToArray()),
        .. Chunk("eXIf", "GPS-SECRET"u8.ToArray()),
        .. Chunk("IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 2, 0, 1]),
        .. Chunk("IEND", []),
    ];

    public static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

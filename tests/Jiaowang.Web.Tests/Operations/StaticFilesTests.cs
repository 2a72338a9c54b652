using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>
/// Outside Development the files under wwwroot are answered from memory once read (Shared/StaticFiles.cs): what the
/// browser gets must still be the file, byte for byte, with the build's validators, and large files still stream.
/// </summary>
public sealed class StaticFilesTests
{
    [Fact]
    public async Task The_pages_stylesheet_arrives_whole_cached_for_a_year_and_revalidates_with_304_and_a_large_script_streams_whole()
    {
        await using var database = TestDatabase.Sqlite();
        await using var factory = new JiaowangFactory(database, seedBundledPlan: false);
        using var client = factory.CreateClient();
        var webRoot = factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;

        var home = await client.GetStringAsync("/");
        var css = Regex.Match(home, @"/css/site\.[a-z0-9]{10}\.css").Value;
        Assert.NotEmpty(css);
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(webRoot, "css", "site.css"));
        string? etag = null;
        // Twice: the first read fills the memory copy, the second is served from it.
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(css);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(onDisk, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(onDisk.Length, response.Content.Headers.ContentLength);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
            etag = response.Headers.ETag?.Tag;
            Assert.NotNull(etag);
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, css);
        again.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag!));
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // Above the memory limit: read from disk on every request, the same bytes.
        var large = await File.ReadAllBytesAsync(Path.Combine(webRoot, "lib", "echarts", "echarts.min.js"));
        Assert.True(large.Length > Web.Shared.StaticFiles.KeptFileLimit);
        Assert.Equal(large, await client.GetByteArrayAsync("/lib/echarts/echarts.min.js"));
    }
}

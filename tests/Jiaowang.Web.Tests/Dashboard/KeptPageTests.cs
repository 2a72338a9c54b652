using System.IO.Compression;
using System.Text;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http;

namespace Jiaowang.Web.Tests.Dashboard;

/// <summary>A kept page as browsers receive it: compacted, with each request's token, plain or gzip-compressed.</summary>
public sealed class KeptPageTests
{
    const string Token = "CfDJ8-kept-token_0123456789";

    static async Task<(byte[] Body, HttpResponse Response)> SendAsync(KeptPage page, string token, bool gzip)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await page.WriteAsync(http.Response, Encoding.UTF8.GetBytes(token), gzip, CancellationToken.None);
        return (body.ToArray(), http.Response);
    }

    static string Gunzip(byte[] body)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(body), CompressionMode.Decompress), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Compacting_drops_the_views_indentation_and_blank_lines_but_not_the_whitespace_that_is_content()
    {
        const string html = "<ul>\n    <li>一</li>\n\n    <li><a href=\"/\">二</a>\n        三</li>\r\n  </ul>\n" +
                            "<pre>\n    kept  as\n  it is</pre>\n  <textarea name=\"t\">\n   typed\n</textarea>\n" +
                            "    <script>\n  const a = `\n    x`;\n</script>\n  <p>\n   end</p>";
        var compact = Encoding.UTF8.GetString(KeptPage.Compact(Encoding.UTF8.GetBytes(html)));

        Assert.Equal("<ul>\n<li>一</li>\n<li><a href=\"/\">二</a>\n三</li>\r\n</ul>\n" +
                     "<pre>\n    kept  as\n  it is</pre>\n<textarea name=\"t\">\n   typed\n</textarea>\n" +
                     "<script>\n  const a = `\n    x`;\n</script>\n<p>\nend</p>", compact);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task The_compressed_page_is_the_plain_page_with_the_requests_token_and_the_token_is_sent_uncompressed(int forms)
    {
        var rendered = new StringBuilder("<!DOCTYPE html>\n<html>\n  <body>\n");
        for (var i = 0; i < forms; i++)
        {
            rendered.Append($"    <form method=\"post\" action=\"/f/{i}\">\n      <input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"{Token}\" />\n    </form>\n");
        }
        for (var i = 0; i < 500; i++) rendered.Append($"    <tr><td class=\"num\" data-value=\"{i}\">{i}</td><td>武汉 {i % 7}</td></tr>\n");
        rendered.Append("  </body>\n</html>\n");
        var page = KeptPage.Of(Encoding.UTF8.GetBytes(rendered.ToString()), Encoding.UTF8.GetBytes(Token));
        const string requests = "CfDJ8-this-requests-own-token-ABCDEFGHIJ";
        var expected = Encoding.UTF8.GetString(KeptPage.Compact(Encoding.UTF8.GetBytes(rendered.ToString().Replace(Token, requests))));

        var (plain, plainResponse) = await SendAsync(page, requests, gzip: false);
        Assert.Equal(expected, Encoding.UTF8.GetString(plain));
        Assert.Equal(plain.Length, plainResponse.ContentLength);
        Assert.False(plainResponse.Headers.ContainsKey("Content-Encoding"));

        var (zipped, zippedResponse) = await SendAsync(page, requests, gzip: true);
        Assert.Equal("gzip", zippedResponse.Headers.ContentEncoding.ToString());
        Assert.Equal(zipped.Length, zippedResponse.ContentLength);
        Assert.Equal(expected, Gunzip(zipped));
        Assert.True(zipped.Length < plain.Length / 5, $"{zipped.Length} bytes compressed of {plain.Length}");
        // Each form's token is in the body as it is, outside what was compressed: the compressed size says nothing of it.
        Assert.Equal(forms, Occurrences(zipped, Encoding.UTF8.GetBytes(requests)));
        Assert.Equal(forms, page.TokenCount);
    }

    static int Occurrences(byte[] haystack, byte[] needle)
    {
        var count = 0;
        for (var span = haystack.AsSpan(); span.IndexOf(needle) is var at and >= 0; span = span[(at + needle.Length)..]) count++;
        return count;
    }
}

using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Jiaowang.Tests.Documents;

/// <summary>
/// Real office software on the generated files: LibreOffice converts a .docx to PDF as a person's office suite would
/// open it, and poppler's tools read the PDF back (text, page size, fonts, page images). ./test.sh installs both.
/// Shared by the Core and Web tests (linked into both projects).
/// </summary>
public static class OfficeTools
{
    /// <summary>Where page images and PDFs of the last run are kept, to look at by eye.</summary>
    public static readonly string OutputFolder = Path.Combine(Path.GetTempPath(), "jiaowang-documents");

    /// <summary>Errors the OpenXML SDK's schema validator finds (Office 2019 rules), as readable lines.</summary>
    public static List<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    /// <summary>Converts with <c>soffice --headless</c> on a private profile, so parallel runs do not share one.</summary>
    public static async Task<string> ToPdfAsync(byte[] docx, string name)
    {
        var folder = Path.Combine(OutputFolder, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, name + ".docx");
        await File.WriteAllBytesAsync(input, docx);
        var profile = Path.Combine(Path.GetTempPath(), $"jiaowang-lo-{Guid.NewGuid():N}");
        try
        {
            var (code, output) = await RunAsync(Tool("soffice"), TimeSpan.FromMinutes(3),
                "--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{profile}",
                "--convert-to", "pdf", "--outdir", folder, input);
            var pdf = Path.ChangeExtension(input, ".pdf");
            Assert.True(code == 0 && File.Exists(pdf), $"LibreOffice did not convert {name}.docx (exit {code}): {output}");
            return pdf;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    public static async Task<string> TextAsync(string pdf, bool layout = false) =>
        await OutputAsync("pdftotext", layout ? ["-layout", pdf, "-"] : [pdf, "-"]);

    /// <summary>The PDF's text without any white space: lines wrap and pdftotext spaces out Chinese, so phrases are matched squeezed.</summary>
    public static async Task<string> SqueezedTextAsync(string pdf) =>
        new((await TextAsync(pdf)).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>
    /// The PDF as laid out on the page, each line without white space: a table row reads across its cells
    /// (序号指标目标…), where the plain text would list a table column by column.
    /// </summary>
    public static async Task<List<string>> LayoutLinesAsync(string pdf) =>
        (await TextAsync(pdf, layout: true)).Split('\n').Select(line => new string(line.Where(c => !char.IsWhiteSpace(c)).ToArray())).ToList();

    /// <summary>pdfinfo's "Page size" and "Pages" lines, and the rest.</summary>
    public static Task<string> InfoAsync(string pdf) => OutputAsync("pdfinfo", pdf);

    /// <summary>pdffonts's table: one line per font with its type and whether it is embedded.</summary>
    public static Task<string> FontsAsync(string pdf) => OutputAsync("pdffonts", pdf);

    /// <summary>Renders every page to PNG at 60 dpi beside the PDF and returns the files in page order.</summary>
    public static async Task<List<string>> PagesAsync(string pdf, int dpi = 60)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, "page");
        await OutputAsync("pdftoppm", "-r", dpi.ToString(), "-png", pdf, prefix);
        return Directory.GetFiles(Path.GetDirectoryName(pdf)!, "page-*.png").Order().ToList();
    }

    static async Task<string> OutputAsync(string tool, params string[] arguments)
    {
        var (code, output) = await RunAsync(Tool(tool), TimeSpan.FromMinutes(1), arguments);
        Assert.True(code == 0, $"{tool} failed (exit {code}): {output}");
        return output;
    }

    /// <summary>
    /// The machine's fontconfig setup plus scripts/fontconfig, which maps the official typefaces to the Noto CJK faces:
    /// what an administrator installs on a Linux desk, given to LibreOffice here without touching /etc.
    /// </summary>
    static readonly Lazy<string> FontConfig = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fontconfig");
        var includes = string.Concat(Directory.GetFiles(folder, "*.conf").Order().Select(f => $"<include>{f}</include>"));
        var file = Path.Combine(Path.GetTempPath(), $"jiaowang-fonts-{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>{includes}</fontconfig>
            """);
        return file;
    });

    static string Tool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"{name} is not installed: ./test.sh installs libreoffice-writer and poppler-utils with apt-get.");
        return path!;
    }

    static async Task<(int Code, string Output)> RunAsync(string file, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["FONTCONFIG_FILE"] = FontConfig.Value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jiaowang.Core.Documents;

/// <summary>Why a file could not be read as a plan.</summary>
public enum PlanReadErrorKind
{
    Missing,
    Empty,
    Binary,
    NoPlanStructure,
}

/// <summary>A file that is not a plan, with a one-line message in the current UI culture that names the file.</summary>
public sealed record PlanReadError(PlanReadErrorKind Kind, string File, string Message);

/// <summary>Either the plan read from a file, with the text it was read from, or why it could not be read.</summary>
public sealed record PlanReadResult(ParsedPlan? Plan, string? Text, PlanReadError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Reads a plan document from a file: UTF-8 text (as extracted from PDF) or Word .docx.</summary>
public static class PlanDocumentReader
{
    static PlanDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static PlanReadResult Read(string path)
    {
        var name = Path.GetFileName(path);
        return File.Exists(path) ? Read(name, File.ReadAllBytes(path)) : Fail(PlanReadErrorKind.Missing, name);
    }

    /// <summary>Reads an uploaded document given its file name and content.</summary>
    public static PlanReadResult Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName);
        if (content.Length == 0) return Fail(PlanReadErrorKind.Empty, name);

        // Word files are recognised by what they contain, not by their extension.
        var text = IsZip(content) ? DocxText(content) : DecodeText(content);
        if (text is null) return Fail(PlanReadErrorKind.Binary, name);
        if (string.IsNullOrWhiteSpace(text)) return Fail(PlanReadErrorKind.Empty, name);

        var plan = PlanDocumentParser.Parse(text);
        if (plan.Targets.Count == 0 && plan.Tasks.Count == 0) return Fail(PlanReadErrorKind.NoPlanStructure, name);
        return new PlanReadResult(plan, text, null);
    }

    private static PlanReadResult Fail(PlanReadErrorKind kind, string name) =>
        new(null, null, new PlanReadError(kind, name, ParserMessages.Format("Read" + kind, name)));

    private static bool IsZip(byte[] content) =>
        content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    /// <summary>The paragraphs of a .docx in order, one per line, and its tables a row per line; null when the zip is not a Word document.</summary>
    private static string? DocxText(byte[] content)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
                if (zip.GetEntry("word/document.xml") is null) return null;

            using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null) return null;
            return Documents.DocxText.Of(body);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 as older Windows tools save it.</summary>
    private static string? DecodeText(byte[] content)
    {
        if (content.Length >= 2 && (content[0], content[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            return Clean(new UnicodeEncoding(content[0] == 0xFE, true, true).GetString(content, 2, content.Length - 2));
        if (Array.IndexOf(content, (byte)0) >= 0) return null;

        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        foreach (var encoding in new[] { new UTF8Encoding(false, true), StrictGb18030() })
        {
            try { return Clean(encoding.GetString(content, start, content.Length - start)); }
            catch (DecoderFallbackException) { }
        }
        return null;
    }

    private static Encoding StrictGb18030() =>
        Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    // Text with control characters other than line and page breaks is some other binary format.
    private static string? Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) ? null : text;
}

using System.Security.Cryptography;

namespace Jiaowang.Core.Reporting;

/// <summary>A file attached to a report (附件): evidence such as a signed PDF, a spreadsheet of figures, a photo.</summary>
public class Attachment
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public required string FileName { get; set; }
    /// <summary>The type found in the content, not the one the browser claimed.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, hex: proves later that the file is the one that was sent.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public enum AttachmentError
{
    Empty,
    TooLarge,
    /// <summary>Not a PDF, Word, Excel or image file by its content.</summary>
    TypeNotAllowed,
}

/// <summary>Which files a report accepts: PDF, Word, Excel and images up to 20 MB, recognised by their first bytes.</summary>
public static class AttachmentRules
{
    public const long MaxBytes = 20 * 1024 * 1024;

    static readonly (byte[] Magic, string Type, string[] Extensions)[] Known =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", [".pdf"]),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", [".png"]),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", [".jpg", ".jpeg"]),
        ("GIF8"u8.ToArray(), "image/gif", [".gif"]),
        // Office 2007+ files are ZIP packages; the extension tells Word from Excel.
        ([0x50, 0x4B, 0x03, 0x04], "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]),
        ([0x50, 0x4B, 0x03, 0x04], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]),
        // Office 97–2003 files are OLE compound documents.
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "application/msword", [".doc"]),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "application/vnd.ms-excel", [".xls"]),
    ];

    /// <summary>The content type of an allowed file, or the reason it is refused.</summary>
    public static (string? ContentType, AttachmentError? Error) Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return (null, AttachmentError.Empty);
        if (content.Length > MaxBytes) return (null, AttachmentError.TooLarge);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (magic, type, extensions) in Known)
        {
            if (content.StartsWith(magic) && extensions.Contains(extension)) return (type, null);
        }
        return (null, AttachmentError.TypeNotAllowed);
    }

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

namespace Jiaowang.Core.Services;

/// <summary>
/// A reported photo checked by its content, not its name or declared type: JPEG or PNG only, within a size limit, and
/// stripped of everything but the picture. JPEG keeps only its image segments (APP0 JFIF, quantisation, Huffman, frame,
/// scan): APP1 (EXIF with GPS, XMP), the other APPn and comments go. PNG keeps its critical chunks and the few that
/// change how it looks; eXIf, text and time chunks go. No decoder runs on the upload.
/// </summary>
public static class SignPhoto
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Cleaned(byte[] Bytes, string ContentType);

    /// <returns>The cleaned photo, or null with the reason (a message key: Photo.TooLarge, Photo.Type, Photo.Broken).</returns>
    public static (Cleaned? Photo, string? Problem) Clean(byte[] data)
    {
        if (data.Length > MaxBytes) return (null, "Photo.TooLarge");
        if (data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return StripJpeg(data) is { } jpeg ? (new Cleaned(jpeg, "image/jpeg"), null) : (null, "Photo.Broken");
        if (data.Length > 8 && data.AsSpan(0, 8).SequenceEqual(PngSignature))
            return StripPng(data) is { } png ? (new Cleaned(png, "image/png"), null) : (null, "Photo.Broken");
        return (null, "Photo.Type");
    }

    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    static byte[]? StripJpeg(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF) return null;
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; }
            var length = (data[i + 2] << 8) | data[i + 3];
            if (length < 2 || i + 2 + length > data.Length) return null;
            // SOS: the entropy-coded picture follows up to EOI; copy the rest as is.
            if (marker == 0xDA)
            {
                output.Write(data, i, data.Length - i);
                return output.ToArray();
            }
            var keep = marker == 0xE0 || marker is < 0xE1 or > 0xEF && marker != 0xFE;
            if (keep) output.Write(data, i, 2 + length);
            i += 2 + length;
        }
        return null;
    }

    static readonly HashSet<string> PngKept = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD"];

    static byte[]? StripPng(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(PngSignature);
        var i = 8;
        var ended = false;
        while (i + 12 <= data.Length)
        {
            var length = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
            if (length < 0 || i + 12L + length > data.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(data, i + 4, 4);
            if (PngKept.Contains(type)) output.Write(data, i, 12 + length);
            i += 12 + length;
            if (type == "IEND") { ended = true; break; }
        }
        return ended ? output.ToArray() : null;
    }
}

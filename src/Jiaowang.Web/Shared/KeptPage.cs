using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Microsoft.AspNetCore.Http.Extensions;

namespace Jiaowang.Web.Shared;

/// <summary>
/// One rendered page as <see cref="KeptPages"/> keeps it: cut at each occurrence of its antiforgery token, which every
/// request puts back with its own, and kept twice, as it is and compressed for browsers that accept gzip.
/// <para>
/// The compressed copy is made once, when the page is kept: each piece is its own deflate stream ending on a byte
/// boundary, and a request's token goes between them as a stored (uncompressed) block, so a request costs a CRC and no
/// compression. The token is never compressed together with the page, so the length of a response says nothing about it
/// (the BREACH attack on compressed pages that hold a secret needs the secret in the compressor's window).
/// </para>
/// </summary>
public sealed class KeptPage
{
    // RFC 1952: magic, deflate, no flags, no time, no extra flags, unknown system.
    static readonly byte[] GzipHeader = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    const int GzipTrailerLength = 8;
    // RFC 1951 3.2.4: a stored block's header (not the last block, type 00, padded to the byte) then LEN and NLEN.
    const int StoredHeaderLength = 5;

    readonly byte[][] plain;
    readonly byte[][] deflated;
    // Each plain piece's CRC-32, and x^(8 × its length) modulo the CRC's polynomial: a request's CRC is then combined
    // from the pieces' and its token's (Crc32Combine) instead of computed over the whole page every time.
    readonly uint[] crcs;
    readonly uint[] shifts;
    readonly long plainLength;
    readonly long deflatedLength;

    KeptPage(byte[][] plain, byte[][] deflated)
    {
        this.plain = plain;
        this.deflated = deflated;
        crcs = [.. plain.Select(p => Crc32.HashToUInt32(p))];
        shifts = [.. plain.Select(p => Crc32Combine.Shift(p.Length))];
        plainLength = plain.Sum(p => (long)p.Length);
        deflatedLength = deflated.Sum(d => (long)d.Length);
    }

    /// <summary>How many times the token occurs, each replaced by the request's own.</summary>
    public int TokenCount => plain.Length - 1;

    public long Length(int tokenLength) => plainLength + TokenCount * (long)tokenLength;

    public long GzipLength(int tokenLength) =>
        GzipHeader.Length + deflatedLength + TokenCount * (long)(StoredHeaderLength + tokenLength) + GzipTrailerLength;

    /// <summary>Keeps <paramref name="rendered"/>, its layout's indentation dropped (<see cref="Compact"/>), cut at <paramref name="token"/>.</summary>
    public static KeptPage Of(ReadOnlySpan<byte> rendered, ReadOnlySpan<byte> token)
    {
        var plain = Cut(Compact(rendered), token);
        var deflated = new byte[plain.Length][];
        for (var i = 0; i < plain.Length; i++) deflated[i] = Deflate(plain[i], last: i == plain.Length - 1);
        return new KeptPage(plain, deflated);
    }

    /// <summary>
    /// Answers the request with the page (200, <paramref name="contentType"/>, <paramref name="token"/> in place of the
    /// kept one), gzip-compressed when the request accepts it.
    /// </summary>
    public Task SendAsync(HttpContext http, string contentType, ReadOnlySpan<byte> token)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = contentType;
        http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding);
        return WriteAsync(http.Response, token, AcceptsGzip(http.Request), http.RequestAborted);
    }

    /// <summary>Writes the page with <paramref name="token"/> in place of the kept one, gzip-compressed when <paramref name="gzip"/>.</summary>
    public Task WriteAsync(HttpResponse response, ReadOnlySpan<byte> token, bool gzip, CancellationToken cancel)
    {
        if (token.Length > ushort.MaxValue) throw new ArgumentException("An antiforgery token does not fit a stored block.", nameof(token));
        var body = response.BodyWriter;
        if (!gzip && plain.Length == 1)
        {
            // One piece (a body without a token: the dashboard's JSON): written as the response's first and only write,
            // which Kestrel sends with the headers; writing through BodyWriter first buffered it (7 % fewer answers).
            response.ContentLength = plainLength;
            return response.Body.WriteAsync(plain[0], cancel).AsTask();
        }
        if (!gzip)
        {
            response.ContentLength = Length(token.Length);
            for (var i = 0; i < plain.Length; i++)
            {
                if (i > 0) body.Write(token);
                body.Write(plain[i]);
            }
            return body.FlushAsync(cancel).AsTask();
        }

        response.Headers.ContentEncoding = "gzip";
        response.ContentLength = GzipLength(token.Length);
        Span<byte> stored = stackalloc byte[StoredHeaderLength];
        stored[0] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(stored[1..], (ushort)token.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(stored[3..], (ushort)~token.Length);
        var tokenCrc = Crc32.HashToUInt32(token);
        var tokenShift = Crc32Combine.Shift(token.Length);
        var crc = crcs[0];
        body.Write(GzipHeader);
        body.Write(deflated[0]);
        for (var i = 1; i < plain.Length; i++)
        {
            body.Write(stored);
            body.Write(token);
            body.Write(deflated[i]);
            crc = Crc32Combine.Combine(Crc32Combine.Combine(crc, tokenCrc, tokenShift), crcs[i], shifts[i]);
        }
        Span<byte> trailer = stackalloc byte[GzipTrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)Length(token.Length));
        body.Write(trailer);
        return body.FlushAsync(cancel).AsTask();
    }

    /// <summary>
    /// Razor copies the views' indentation and blank lines into every page: a third of the dashboard's bytes. Each run of
    /// whitespace that follows a line break is dropped, the line break kept, so the page reads and renders the same;
    /// <c>pre</c>, <c>textarea</c> and <c>script</c> elements, where whitespace is content, are copied as they are.
    /// </summary>
    internal static byte[] Compact(ReadOnlySpan<byte> html)
    {
        var output = new ArrayBufferWriter<byte>(html.Length);
        while (!html.IsEmpty)
        {
            var next = html.IndexOfAny((byte)'\n', (byte)'<');
            if (next < 0)
            {
                output.Write(html);
                break;
            }
            output.Write(html[..(next + 1)]);
            if (html[next] == '<')
            {
                html = html[(next + 1)..];
                if (VerbatimEnd(html) is { } end)
                {
                    var close = html.IndexOf(end);
                    var upTo = close < 0 ? html.Length : close + end.Length;
                    output.Write(html[..upTo]);
                    html = html[upTo..];
                }
                continue;
            }
            html = html[(next + 1)..].TrimStart(" \t\r\n"u8);
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The closing tag of the element whose name follows a '&lt;', when it is one whose whitespace is content.</summary>
    static byte[]? VerbatimEnd(ReadOnlySpan<byte> afterOpen)
    {
        foreach (var (name, end) in Verbatim)
        {
            if (afterOpen.Length > name.Length && afterOpen[..name.Length].SequenceEqual(name)
                && afterOpen[name.Length] is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') return end;
        }
        return null;
    }

    static readonly (byte[] Name, byte[] End)[] Verbatim =
        [("pre"u8.ToArray(), "</pre>"u8.ToArray()), ("textarea"u8.ToArray(), "</textarea>"u8.ToArray()), ("script"u8.ToArray(), "</script>"u8.ToArray())];

    /// <summary>Keeps a body that holds no token as it is (JSON: no layout to compact), and its compressed copy.</summary>
    public static KeptPage Whole(byte[] body) => new([body], [Deflate(body, last: true)]);

    /// <summary>Whether the request accepts a gzip-compressed answer (<c>Accept-Encoding</c>: gzip, or *, with a quality above 0).</summary>
    static bool AcceptsGzip(HttpRequest request)
    {
        if (request.Headers.AcceptEncoding.Count == 0) return false;
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var gzip = accepted.FirstOrDefault(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            ?? accepted.FirstOrDefault(e => e.Value.Equals("*", StringComparison.Ordinal));
        return gzip is not null && gzip.Quality is not 0;
    }

    /// <summary>The page cut at each occurrence of the token: n + 1 pieces for n occurrences.</summary>
    static byte[][] Cut(ReadOnlySpan<byte> page, ReadOnlySpan<byte> token)
    {
        var pieces = new List<byte[]>();
        int at;
        while (!token.IsEmpty && (at = page.IndexOf(token)) >= 0)
        {
            pieces.Add(page[..at].ToArray());
            page = page[(at + token.Length)..];
        }
        pieces.Add(page.ToArray());
        return [.. pieces];
    }

    /// <summary>
    /// A raw deflate stream of <paramref name="piece"/> alone. Every piece but the last ends with a sync flush (an empty
    /// stored block, byte-aligned, not final) instead of the final block, so that pieces and stored blocks between them
    /// read as one stream; each starts its own compressor, so none refers back into another.
    /// </summary>
    static byte[] Deflate(byte[] piece, bool last)
    {
        using var output = new MemoryStream();
        var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        deflate.Write(piece);
        if (last)
        {
            deflate.Dispose();
            return output.ToArray();
        }
        deflate.Flush();
        var flushed = output.ToArray();
        deflate.Dispose();
        return flushed;
    }
}

/// <summary>
/// CRC-32 of two pieces put together, from each piece's CRC and the second's length, as zlib's crc32_combine does it:
/// CRC(A‖B) = CRC(A) · x^(8|B|) ⊕ CRC(B), the product taken modulo the polynomial (bit-reflected, as CRC-32 is).
/// </summary>
static class Crc32Combine
{
    const uint Polynomial = 0xedb88320;

    // x^(2^k) modulo the polynomial, for k = 0..31: squaring moves to the next power.
    static readonly uint[] PowersOfTwo = MakePowersOfTwo();

    static uint[] MakePowersOfTwo()
    {
        var table = new uint[32];
        var p = 1u << 30; // x^1
        for (var k = 0; k < 32; k++)
        {
            table[k] = p;
            p = Multiply(p, p);
        }
        return table;
    }

    /// <summary>a · b modulo the polynomial.</summary>
    static uint Multiply(uint a, uint b)
    {
        var product = 0u;
        for (var m = 1u << 31; m != 0; m >>= 1)
        {
            if ((a & m) != 0) product ^= b;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
        return product;
    }

    /// <summary>x^(8 · <paramref name="length"/>) modulo the polynomial: what a CRC is multiplied by to move past that many bytes.</summary>
    public static uint Shift(long length)
    {
        var p = 1u << 31; // x^0
        for (var k = 3; length != 0; length >>= 1, k++)
        {
            if ((length & 1) != 0) p = Multiply(PowersOfTwo[k & 31], p);
        }
        return p;
    }

    public static uint Combine(uint first, uint second, uint secondShift) => Multiply(secondShift, first) ^ second;
}

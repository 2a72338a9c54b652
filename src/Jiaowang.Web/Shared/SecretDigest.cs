using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Jiaowang.Web.Shared;

/// <summary>
/// The key under which something derived from a secret (a bearer token, a browser's antiforgery cookie) is kept in
/// memory: the first 128 bits of the secret's SHA-256, so that what is kept never holds the secret itself.
/// </summary>
public static class SecretDigest
{
    public static UInt128 Of(string secret)
    {
        var length = Encoding.UTF8.GetMaxByteCount(secret.Length);
        var rented = length > 4096 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[length];
            var written = Encoding.UTF8.GetBytes(secret, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

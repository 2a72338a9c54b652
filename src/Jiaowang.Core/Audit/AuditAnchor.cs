using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jiaowang.Core.Audit;

/// <summary>
/// The chain head (last entry's id and hash) as last written outside the database, signed with the audit key so that
/// it cannot be moved back without the key. A database whose head is behind it has lost its newest entries.
/// </summary>
public sealed record AuditAnchor(long Id, string Hash, string Signature)
{
    public static AuditAnchor Sign(long id, string hash, byte[] key) => new(id, hash, SignatureOf(id, hash, key));

    public bool IsSignedWith(byte[] key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature), Encoding.ASCII.GetBytes(SignatureOf(Id, Hash, key)));

    // A prefix that no chain entry's hashed text starts with, so an entry hash can never pass for an anchor signature.
    static string SignatureOf(long id, string hash, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"jiaowang-audit-anchor\n{id.ToString(CultureInfo.InvariantCulture)}\n{hash}")));
}

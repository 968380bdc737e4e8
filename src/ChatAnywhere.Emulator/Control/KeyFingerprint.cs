using System;
using System.Security.Cryptography;
using System.Text;

namespace ChatAnywhere.Emulator.Control
{
    /// <summary>
    /// What the request log shows instead of a key: the first 16 lowercase hex characters of SHA-256
    /// over the UTF-8 bytes of the Authorization value without its "Bearer " prefix. Tests compute the same.
    /// </summary>
    public static class KeyFingerprint
    {
        public static string Of(string bearerValue)
        {
            ArgumentNullException.ThrowIfNull(bearerValue);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(Encoding.UTF8.GetBytes(bearerValue), hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
    }
}

using System;
using System.Security.Cryptography;
using System.Text;

namespace ChatAnywhere.Engine.Keys
{
    /// <summary>The two safe ways to show a key: masked, and as a fingerprint.</summary>
    internal static class KeyMask
    {
        /// <summary>What stands for the hidden middle of a key.</summary>
        public const string Hidden = "****";

        // Below this length first-3 plus last-4 would reveal most of the key.
        private const int ShortestMaskable = 12;

        /// <summary>First 3 and last 4 characters, as ChatAnywhere masks keys in its own messages.</summary>
        public static string Mask(string? key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return string.Empty;
            }

            return key!.Length < ShortestMaskable
                ? Hidden
                : key.Substring(0, 3) + Hidden + key.Substring(key.Length - 4);
        }

        /// <summary>The first 16 hex digits of the key's SHA-256: stable, short, not reversible.</summary>
        public static string Fingerprint(string? key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return string.Empty;
            }

            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
            var text = new StringBuilder(16);
            for (var i = 0; i < 8; i++)
            {
                text.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }
}

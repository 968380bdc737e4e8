using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>
    /// Reads at most a fixed number of bytes of a body and decodes them as UTF-8 whatever the
    /// charset says: the service's messages are Chinese, and Windows PowerShell 5.1 would decode a
    /// charset-less body as ISO-8859-1 (toolchain notes, HTTP).
    /// </summary>
    internal static class BoundedBodyReader
    {
        /// <summary>64 KiB: every captured error body is under 1 KiB; a 9.7 KiB Cloudflare page is the largest seen (CF-challenge-html-prefix).</summary>
        public const int DefaultLimit = 64 * 1024;

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        /// <summary>Reads up to <paramref name="limit"/> bytes; <c>truncated</c> says whether more remained.</summary>
        public static async Task<(string Text, bool Truncated)> ReadAsync(Stream stream, int limit, CancellationToken cancellationToken)
        {
            // Error bodies and model lists are a few hundred bytes: start small, the stream grows if needed.
            var buffer = new byte[Math.Min(limit + 1, 4 * 1024)];
            using var collected = new MemoryStream();
            var truncated = false;
            while (true)
            {
                var want = Math.Min(buffer.Length, limit + 1 - (int)collected.Length);
                if (want <= 0)
                {
                    truncated = true;
                    break;
                }

                var read = await stream.ReadAsync(buffer, 0, want, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                collected.Write(buffer, 0, read);
            }

            var length = (int)Math.Min(collected.Length, limit);
            truncated |= collected.Length > limit;
            return (Decode(collected.GetBuffer(), length), truncated);
        }

        /// <summary>Decodes UTF-8, dropping a byte-order mark; a multi-byte character cut at the limit becomes U+FFFD.</summary>
        public static string Decode(byte[] bytes, int count)
        {
            var offset = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Utf8.GetString(bytes, offset, count - offset);
        }
    }
}

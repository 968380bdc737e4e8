using System;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Folds text so that one phrase matches every way servers and clients write it: case,
    /// full-width letters and punctuation (NFKC: "ＡＰＩ　ｋｅｙ" reads "API key"), curly quotes,
    /// URL-encoding (a message passed on in a query string: XAI-400-incorrect-api-key-url-encoded)
    /// and runs of white space.
    /// </summary>
    internal static class TextFolding
    {
        private static readonly Regex PercentEscape = new Regex("%[0-9A-Fa-f]{2}", RegexOptions.CultureInvariant);

        /// <summary>The folded form of <paramref name="text"/> (lower-case, NFKC, straight quotes, single spaces).</summary>
        public static string Fold(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var folded = text!;
            if (folded.IndexOf('%') >= 0 && PercentEscape.IsMatch(folded))
            {
                folded = UrlDecode(folded);
            }

            if (!IsPlainAscii(folded))
            {
                folded = Normalize(folded)
                    .Replace('\u2018', '\'').Replace('\u2019', '\'')
                    .Replace('\u201C', '"').Replace('\u201D', '"');
            }

            // Lower-casing is vectorized; the white-space pass runs only where there is something to fold.
            var lower = folded.ToLowerInvariant();
            return lower.IndexOfAny(FoldableSpace) >= 0 || lower.IndexOf("  ", StringComparison.Ordinal) >= 0 ? LowerWithSingleSpaces(lower) : lower;
        }

        private static readonly char[] FoldableSpace = { '\n', '\r', '\t', '\f', '\v', '\u00A0', '\u2028', '\u2029', '\u3000' };

        // One pass instead of ToLowerInvariant and a regex: this runs on every answer.
        private static string LowerWithSingleSpaces(string text)
        {
            var result = new char[text.Length];
            var length = 0;
            var lastWasSpace = false;
            foreach (var c in text)
            {
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || (c > '\u007F' && char.IsWhiteSpace(c)))
                {
                    if (!lastWasSpace)
                    {
                        result[length++] = ' ';
                    }

                    lastWasSpace = true;
                    continue;
                }

                result[length++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c > '\u007F' ? char.ToLowerInvariant(c) : c;
                lastWasSpace = false;
            }

            return new string(result, 0, length);
        }

        // A lone surrogate (a body cut inside a character) makes Normalize throw: such text is matched unnormalized.
        private static string Normalize(string text)
        {
            try
            {
                return text.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                return text;
            }
        }

        // Invalid escapes ("%E4%B8" cut short, "100%ZZ") are left as they are, never thrown on.
        private static string UrlDecode(string text)
        {
            try
            {
                return WebUtility.UrlDecode(text);
            }
            catch (ArgumentException)
            {
                return text;
            }
        }

        // Every character is one UTF-8 byte exactly when all are ASCII; the count is vectorized.
        private static bool IsPlainAscii(string text) => Encoding.UTF8.GetByteCount(text) == text.Length;
    }
}

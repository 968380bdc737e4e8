using System;
using System.Collections.Generic;
using System.Globalization;

namespace ChatAnywhere.Engine.Keys
{
    /// <summary>
    /// Reads a key as a person pasted it: removes what surrounds it (whitespace, quotes, a Bearer
    /// prefix), refuses what can never be a key, and names its shape. Pasting mistakes are a known
    /// cause of 401s (docs/reference/chatanywhere.md, cause 2; fixture CA-401-tengine-missing-sk).
    /// </summary>
    internal static class KeyInspector
    {
        private const string BearerWord = "Bearer";
        private const string OpenAILegacyMarker = "T3BlbkFJ"; // base64 of "OpenAI"
        private const int RelayBodyLength = 48;
        private const string MaskRun = "***";

        /// <summary>Inspects one key.</summary>
        public static KeyInspection Inspect(string? raw)
        {
            var removed = new List<string>();
            var key = StripSurroundings(raw ?? string.Empty, removed);
            var problem = FindProblem(key);
            var shape = problem == VerdictReason.None ? ShapeOf(key) : KeyShape.Other;
            return new KeyInspection(key, removed.Count == 0 ? KeyInspection.NothingRemoved : removed, problem, shape);
        }

        /// <summary>The family a well-formed key belongs to.</summary>
        public static KeyShape ShapeOf(string key)
        {
            if (key.StartsWith("sk-proj-", StringComparison.Ordinal))
            {
                return KeyShape.OpenAIProject;
            }

            if (key.StartsWith("sk-svcacct-", StringComparison.Ordinal))
            {
                return KeyShape.OpenAIServiceAccount;
            }

            if (key.StartsWith("sk-admin-", StringComparison.Ordinal))
            {
                return KeyShape.OpenAIAdmin;
            }

            if (key.Length == 3 + RelayBodyLength && key.StartsWith("sk-", StringComparison.Ordinal) && IsAlphanumeric(key, 3))
            {
                return key.IndexOf(OpenAILegacyMarker, StringComparison.Ordinal) >= 0 ? KeyShape.OpenAILegacy : KeyShape.Relay;
            }

            return KeyShape.Other;
        }

        private static string StripSurroundings(string text, List<string> removed)
        {
            while (true)
            {
                var before = text;
                text = TrimWhitespace(text, removed);
                text = TrimQuotes(text, removed);
                if (HasBearerPrefix(text))
                {
                    text = text.Substring(BearerWord.Length).TrimStart();
                    removed.Add("a 'Bearer ' prefix");
                }

                if (ReferenceEquals(before, text) || before == text)
                {
                    return text;
                }
            }
        }

        // "Bearer sk-..." as copied from a curl command; "Bearer" alone once its key was lost.
        private static bool HasBearerPrefix(string text) =>
            text.StartsWith(BearerWord, StringComparison.OrdinalIgnoreCase) &&
            (text.Length == BearerWord.Length || char.IsWhiteSpace(text[BearerWord.Length]));

        private static string TrimWhitespace(string text, List<string> removed)
        {
            var start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var end = text.Length;
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (start > 0)
            {
                removed.Add(Describe("leading", text.Substring(0, start)));
            }

            if (end < text.Length)
            {
                removed.Add(Describe("trailing", text.Substring(end)));
            }

            return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
        }

        private static string TrimQuotes(string text, List<string> removed)
        {
            if (text.Length >= 2 && IsQuote(text[0]) && IsQuote(text[text.Length - 1]))
            {
                removed.Add("surrounding quotes");
                return text.Substring(1, text.Length - 2);
            }

            return text;
        }

        private static bool IsQuote(char c) => c == '"' || c == '\'' || c == '`' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019';

        private static string Describe(string where, string whitespace)
        {
            var hasBreak = whitespace.IndexOf('\n') >= 0 || whitespace.IndexOf('\r') >= 0;
            return hasBreak ? $"a {where} line break" : $"{where} whitespace";
        }

        private static VerdictReason FindProblem(string key)
        {
            if (key.Length == 0)
            {
                return VerdictReason.None;
            }

            // No key contains asterisks; a run of them is a mask ("sk-****0001" from this module's
            // CSV output, "abcd**********wxyz" from dashboards), and sending it can only give a 401.
            if (key.IndexOf(MaskRun, StringComparison.Ordinal) >= 0)
            {
                return VerdictReason.MaskedCopy;
            }

            foreach (var c in key)
            {
                if (char.IsWhiteSpace(c))
                {
                    return VerdictReason.KeyHasInnerWhitespace;
                }

                if (char.IsControl(c))
                {
                    return VerdictReason.KeyHasControlCharacter;
                }

                if (IsInvisible(c))
                {
                    return VerdictReason.KeyHasInvisibleCharacter;
                }

                if (c >= '\uFF01' && c <= '\uFF5E')
                {
                    return VerdictReason.KeyHasFullWidthCharacter;
                }

                if (c > '\u007E')
                {
                    return VerdictReason.KeyHasNonAsciiCharacter;
                }
            }

            return VerdictReason.None;
        }

        // Zero-width spaces and joiners, the BOM and other format characters survive copy and paste unseen.
        private static bool IsInvisible(char c) =>
            CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || c == '\u200B' || c == '\uFEFF';

        private static bool IsAlphanumeric(string text, int from)
        {
            for (var i = from; i < text.Length; i++)
            {
                var c = text[i];
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

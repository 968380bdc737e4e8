using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatAnywhere.Engine.Keys
{
    /// <summary>
    /// Finds one secret in every form a server may echo it in, and masks it: as given, without its
    /// sk- prefix (the form relays store keys in, relay-admin-api.md §2), JSON-escaped (\uXXXX,
    /// \/), URL-encoded (%XX), any mix of these, and in any letter case when the secret is hex
    /// (access tokens: issue 16, "Echoed secrets").
    /// </summary>
    internal sealed class SecretPattern
    {
        // A body shorter than this would match too much text that is not the secret.
        private const int ShortestBody = 8;

        // Interpreted, not compiled: a pattern is made per key, and Test-ApiKey may see thousands.
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

        private readonly Regex _pattern;
        private readonly string _masked;
        private readonly string _maskedBody;
        private readonly bool _hasPrefix;

        /// <summary>A pattern for <paramref name="secret"/> (at least 4 characters).</summary>
        public SecretPattern(string secret)
        {
            Secret = secret ?? throw new ArgumentNullException(nameof(secret));
            var hasPrefix = secret.StartsWith("sk-", StringComparison.Ordinal) && secret.Length - 3 >= ShortestBody;
            _hasPrefix = hasPrefix;
            var body = hasPrefix ? secret.Substring(3) : secret;
            var anyCase = IsHex(body);
            var text = new StringBuilder();
            if (hasPrefix)
            {
                text.Append("(?<prefix>");
                AppendForms(text, "sk-", anyCase: false);
                text.Append(")?");
            }

            AppendForms(text, body, anyCase);
            _pattern = new Regex(text.ToString(), RegexOptions.CultureInvariant, MatchTimeout);
            _masked = KeyMask.Mask(secret);
            _maskedBody = body.Length < 12 ? KeyMask.Hidden : KeyMask.Hidden + body.Substring(body.Length - 4);
        }

        /// <summary>The secret as registered.</summary>
        public string Secret { get; }

        /// <summary><paramref name="text"/> with every form of the secret masked.</summary>
        public string Apply(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            try
            {
                return _pattern.Replace(text, match => !_hasPrefix || match.Groups["prefix"].Success ? _masked : _maskedBody);
            }
            catch (RegexMatchTimeoutException)
            {
                // Never let a secret through because matching took too long: hide the whole text.
                return KeyMask.Hidden;
            }
        }

        private static bool IsHex(string text)
        {
            foreach (var c in text)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            return text.Length > 0;
        }

        // Each character: itself, \uXXXX, %XX (its UTF-8 bytes), and JSON's short escapes.
        private static void AppendForms(StringBuilder pattern, string text, bool anyCase)
        {
            foreach (var c in text)
            {
                pattern.Append("(?:");
                if (anyCase && char.IsLetter(c))
                {
                    pattern.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
                }
                else
                {
                    pattern.Append(Regex.Escape(c.ToString()));
                }

                pattern.Append(@"|\\u").Append(AnyCaseHex(((int)c).ToString("x4", CultureInfo.InvariantCulture)));
                pattern.Append('|');
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    pattern.Append('%').Append(AnyCaseHex(b.ToString("x2", CultureInfo.InvariantCulture)));
                }

                switch (c)
                {
                    case '/':
                        pattern.Append(@"|\\/");
                        break;
                    case '"':
                        pattern.Append(@"|\\""");
                        break;
                    case '\\':
                        pattern.Append(@"|\\\\");
                        break;
                    case ' ':
                        pattern.Append(@"|\+");
                        break;
                }

                pattern.Append(')');
            }
        }

        private static string AnyCaseHex(string hex)
        {
            var result = new StringBuilder();
            foreach (var digit in hex)
            {
                result.Append(char.IsLetter(digit) ? $"[{char.ToLowerInvariant(digit)}{char.ToUpperInvariant(digit)}]" : digit.ToString());
            }

            return result.ToString();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ChatAnywhere.Engine.Keys;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Keys
{
    /// <summary>
    /// The one redactor over generated secrets and the forms servers echo them in (issue 16,
    /// "Echoed secrets"): with and without sk-, JSON-escaped, URL-encoded, mixed, any case for hex.
    /// Fixed seed: a failure names the case and replays.
    /// </summary>
    public sealed class SecretRedactionPropertyTests
    {
        private const int Cases = 3000;
        private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private const string Hex = "0123456789abcdef";
        private const string Symbols = "+/=-_.~!$&'()*,;:@\"\\ 中";

        [Fact]
        public void Every_echoed_form_of_every_secret_is_masked_and_the_text_around_it_kept()
        {
            var random = new Random(16016);
            for (var i = 0; i < Cases; i++)
            {
                var (secret, kind) = NewSecret(random);
                var form = Echo(random, secret, kind, out var formName);
                var before = Filler(random);
                var after = Filler(random);
                var text = before + form + after;

                var redactor = new SecretRedactor();
                redactor.Register(secret);
                var viaRedactor = redactor.Redact(text);
                var viaKey = kind == SecretKind.Key ? KeyInspector.Inspect(secret).Redact(text) : viaRedactor;

                foreach (var redacted in new[] { viaRedactor, viaKey })
                {
                    var why = $"case {i}: {kind} secret, {formName} echo: '{text}' -> '{redacted}'";
                    Assert.True(redacted.StartsWith(before, StringComparison.Ordinal), why);
                    Assert.True(redacted.EndsWith(after, StringComparison.Ordinal), why);
                    Assert.False(ContainsSecret(redacted, secret, kind), why);
                }
            }
        }

        [Theory]
        [InlineData("sk-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijkl", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijkl", "****ijkl")]
        [InlineData("sk-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijkl", "sk-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijkl", "sk-****ijkl")]
        [InlineData("0123456789abcdef0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF", "012****cdef")]
        public void A_masked_echo_shows_no_more_than_the_key_column(string secret, string echo, string expected)
        {
            var redactor = new SecretRedactor();
            redactor.Register(secret);

            Assert.Equal("<" + expected + ">", redactor.Redact("<" + echo + ">"));
        }

        private enum SecretKind
        {
            Key,
            HexToken,
            Password,
        }

        private static (string Secret, SecretKind Kind) NewSecret(Random random)
        {
            switch (random.Next(3))
            {
                case 0:
                    return ("sk-" + Draw(random, Alphanumeric, 48), SecretKind.Key);
                case 1:
                    return (Draw(random, Hex, 32), SecretKind.HexToken);
                default:
                    return (Draw(random, Alphanumeric + Symbols, 8 + random.Next(24)), SecretKind.Password);
            }
        }

        private static string Echo(Random random, string secret, SecretKind kind, out string name)
        {
            var source = kind == SecretKind.Key && random.Next(2) == 0 ? secret.Substring(3) : secret;
            var prefix = source.Length == secret.Length ? "whole " : "stored ";
            switch (random.Next(7))
            {
                case 0:
                    name = prefix + "as is";
                    return source;
                case 1:
                    name = prefix + "JSON-escaped";
                    return JsonEscape(source, everything: false);
                case 2:
                    name = prefix + "JSON \\u-escaped";
                    return JsonEscape(source, everything: true);
                case 3:
                    name = prefix + "URL-encoded";
                    return Uri.EscapeDataString(source);
                case 4:
                    name = prefix + "URL-encoded, every byte, lower case";
                    return string.Concat(Encoding.UTF8.GetBytes(source).Select(b => "%" + b.ToString("x2", CultureInfo.InvariantCulture)));
                case 5:
                    name = prefix + "mixed";
                    return string.Concat(source.Select(c => random.Next(3) switch
                    {
                        0 => c.ToString(),
                        1 => "\\u" + ((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture),
                        _ => string.Concat(Encoding.UTF8.GetBytes(c.ToString()).Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture))),
                    }));
                default:
                    name = prefix + "case changed";
                    return kind == SecretKind.HexToken ? source.ToUpperInvariant() : source;
            }
        }

        private static string JsonEscape(string text, bool everything)
        {
            var result = new StringBuilder();
            foreach (var c in text)
            {
                result.Append(everything ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '/' => "\\/",
                    _ when c > 127 => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }

            return result.ToString();
        }

        // Text that cannot itself contain a secret: no letters or digits the secrets are made of.
        private static string Filler(Random random) => Draw(random, " :{}[]<>\"'\r\n\t|", random.Next(12));

        private static string Draw(Random random, string alphabet, int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        // Any form of the secret, decoded back: the body (without sk-) is what must never show.
        private static bool ContainsSecret(string text, string secret, SecretKind kind)
        {
            var body = kind == SecretKind.Key ? secret.Substring(3) : secret;
            var comparison = kind == SecretKind.HexToken ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var decoded in Decodings(text))
            {
                if (decoded.IndexOf(body, comparison) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<string> Decodings(string text)
        {
            yield return text;
            var unescaped = System.Text.RegularExpressions.Regex.Replace(text, @"\\u([0-9a-fA-F]{4})", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
                .Replace("\\/", "/").Replace("\\\"", "\"").Replace("\\\\", "\\");
            yield return unescaped;
            string urlDecoded;
            try
            {
                urlDecoded = Uri.UnescapeDataString(unescaped);
            }
            catch (UriFormatException)
            {
                urlDecoded = unescaped;
            }

            yield return urlDecoded;
        }
    }
}

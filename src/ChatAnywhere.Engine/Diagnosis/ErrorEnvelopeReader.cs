using System;
using System.Collections.Generic;
using System.Net;
using System.Text.RegularExpressions;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// Finds the error fields in a body: OpenAI-style JSON (compact or pretty), ChatAnywhere's
    /// 2023 envelope, relay management and Uptime Kuma envelopes, HTML pages, plain text and
    /// truncated JSON.
    /// </summary>
    internal static class ErrorEnvelopeReader
    {
        private const int PlainTextMessageLimit = 500;

        private static readonly Regex Title = new Regex(@"<title[^>]*>(?<t>.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        private static readonly Regex Tags = new Regex(@"<[^>]+>", RegexOptions.CultureInvariant);
        private static readonly Regex Spaces = new Regex(@"\s+", RegexOptions.CultureInvariant);

        // For JSON cut short (a truncated body): the complete string fields that did arrive.
        private static readonly Regex PartialField = new Regex(@"""(?<n>message|type|code|msg)""\s*:\s*""(?<v>(?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant);

        /// <summary>Reads the error fields from <paramref name="body"/>.</summary>
        public static ErrorEnvelope Read(string body, bool isHtml)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return ErrorEnvelope.None;
            }

            if (JsonLite.TryParse(body, out var root))
            {
                return FromJson(root);
            }

            if (isHtml)
            {
                return new ErrorEnvelope { Message = TextOfHtml(body) };
            }

            var partial = FromPartialJson(body);
            return partial ?? new ErrorEnvelope { Message = Shorten(body.Trim()) };
        }

        /// <summary>True when the text is an HTML page, whatever the content type said.</summary>
        public static bool LooksLikeHtml(string body)
        {
            var start = body.TrimStart();
            return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) ||
                   start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
                   start.StartsWith("<title", StringComparison.OrdinalIgnoreCase) ||
                   start.StartsWith("<!DOCTYPE HTML PUBLIC", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Reads the error fields from a body already parsed as JSON (<see cref="JsonLite"/>).</summary>
        public static ErrorEnvelope FromJson(object? root)
        {
            var envelope = new ErrorEnvelope { IsJson = true };
            var error = JsonLite.Member(root, "error");
            if (error is Dictionary<string, object?>)
            {
                envelope.HasError = true;
                envelope.Message = JsonLite.Text(error, "message");
                envelope.Type = JsonLite.Text(error, "type");
                envelope.Code = JsonLite.Text(error, "code");
            }
            else if (error is string errorText)
            {
                envelope.HasError = true;
                envelope.Message = errorText;
            }

            if (root is Dictionary<string, object?> dict)
            {
                envelope.IsChatAnywhere2023 = dict.ContainsKey("object") && dict.ContainsKey("data") && envelope.HasError;
                if (dict.TryGetValue("success", out var success) && success is bool flag)
                {
                    envelope.Success = flag;
                    envelope.Message ??= JsonLite.Text(root, "message");
                    envelope.Code ??= JsonLite.Text(root, "code");
                }

                if (JsonLite.Text(root, "status") == "fail")
                {
                    envelope.IsUptimeKumaFailure = true;
                    envelope.Message ??= JsonLite.Text(root, "msg");
                }

                envelope.IsModelList = !envelope.HasError && JsonLite.Member(root, "data") is List<object?>;
                envelope.Message ??= JsonLite.Text(root, "message");
            }

            return envelope;
        }

        private static ErrorEnvelope? FromPartialJson(string body)
        {
            if (!body.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                return null;
            }

            var envelope = new ErrorEnvelope();
            foreach (Match match in PartialField.Matches(body))
            {
                var value = Unescape(match.Groups["v"].Value);
                switch (match.Groups["n"].Value)
                {
                    case "message":
                    case "msg":
                        envelope.Message ??= value;
                        break;
                    case "type":
                        envelope.Type ??= value;
                        break;
                    case "code":
                        envelope.Code ??= value;
                        break;
                }
            }

            envelope.HasError = envelope.Message is not null || body.IndexOf("\"error\"", StringComparison.Ordinal) >= 0;
            envelope.Message ??= Shorten(body.Trim());
            return envelope;
        }

        // JSON escapes read by Regex.Unescape, which throws on one it does not know ("\uZZZZ", a
        // trailing backslash: issue 16): then the text is kept as it came.
        private static string Unescape(string text)
        {
            try
            {
                return Regex.Unescape(text);
            }
            catch (ArgumentException)
            {
                return text;
            }
        }

        private static string TextOfHtml(string html)
        {
            var title = Title.Match(html);
            var text = title.Success ? title.Groups["t"].Value : Tags.Replace(html, " ");
            return Shorten(Spaces.Replace(WebUtility.HtmlDecode(text), " ").Trim());
        }

        private static string Shorten(string text) =>
            text.Length <= PlainTextMessageLimit ? text : text.Substring(0, PlainTextMessageLimit) + "…";
    }
}

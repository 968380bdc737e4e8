using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>
    /// The structured codes and the messages of an error body, wherever they sit: OpenAI's
    /// <c>error.code</c>/<c>error.type</c>, a top-level <c>code</c>/<c>type</c> (DashScope, DeepSeek),
    /// Google's <c>status</c> and <c>details[].reason</c>, numeric codes (Zhipu, OpenRouter, SiliconFlow),
    /// an upstream error nested as JSON text (OpenRouter's <c>metadata.raw</c>), a list of errors
    /// (Gemini's OpenAI-compatible endpoint), and the JSON inside a Python rendering
    /// (<c>Error code: 401 - {'error': {...}}</c>). Codes are kept lower-case.
    /// </summary>
    internal sealed class AnswerFields
    {
        // Read far enough for any real error shape, and no further: a hostile body stays cheap.
        private const int MaxDepth = 8;
        private const int MaxValues = 64;

        private static readonly HashSet<string> CodeNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "code", "type", "status", "reason", "error_code", "errorCode", "error_type", "errorType", "err_code", "__type",
        };

        private static readonly HashSet<string> MessageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "message", "msg", "error", "detail", "details", "error_description", "error_msg", "errorMessage", "error_message", "raw", "description", "faultstring", "title", "footer",
        };

        // Python's repr of a dict: single-quoted strings, None/True/False.
        private static readonly Regex PythonLiteral = new Regex(@"(?<q>'(?:[^'\\]|\\.)*')|\bNone\b|\bTrue\b|\bFalse\b", RegexOptions.CultureInvariant);

        private readonly List<string> _codes = new List<string>();
        private readonly List<string> _messages = new List<string>();
        private readonly List<string> _providers = new List<string>();

        private AnswerFields()
        {
        }

        /// <summary>No body, or nothing structured in it.</summary>
        public static AnswerFields None { get; } = new AnswerFields();

        /// <summary>Every code, type, status and reason found, lower-case, outermost first.</summary>
        public IReadOnlyList<string> Codes => _codes;

        /// <summary>Every message found, outermost first.</summary>
        public IReadOnlyList<string> Messages => _messages;

        /// <summary>The upstream providers a router names (OpenRouter's metadata.provider_name: OR-400-provider-returned-error-raw-openai).</summary>
        public IReadOnlyList<string> ProviderNames => _providers;

        /// <summary>True when the body held JSON (itself, or inside a client's rendering).</summary>
        public bool FoundJson { get; private set; }

        /// <summary>Collects the fields of <paramref name="body"/>.</summary>
        public static AnswerFields Read(string body) =>
            JsonLite.TryParse(body, out var root) ? FromJson(root) : FromText(body);

        /// <summary>Collects the fields of a body already parsed as JSON.</summary>
        public static AnswerFields FromJson(object? root)
        {
            var fields = new AnswerFields { FoundJson = true };
            fields.Walk(root, null, 0);
            return fields;
        }

        /// <summary>Collects the fields of a body that is not JSON itself, from the JSON inside it if any.</summary>
        public static AnswerFields FromText(string body)
        {
            var fields = new AnswerFields();
            if (!string.IsNullOrWhiteSpace(body) && TryEmbeddedJson(body, out var root))
            {
                fields.FoundJson = true;
                fields.Walk(root, null, 0);
            }

            return fields;
        }

        /// <summary>True when any code equals one of <paramref name="values"/> (case-insensitive).</summary>
        public bool HasCode(params string[] values)
        {
            foreach (var code in _codes)
            {
                foreach (var value in values)
                {
                    if (string.Equals(code, value, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void Walk(object? node, string? name, int depth)
        {
            if (depth > MaxDepth || _codes.Count + _messages.Count >= MaxValues)
            {
                return;
            }

            switch (node)
            {
                case Dictionary<string, object?> members:
                    foreach (var member in members)
                    {
                        Walk(member.Value, member.Key, depth + 1);
                    }

                    break;
                case List<object?> items:
                    foreach (var item in items)
                    {
                        Walk(item, name, depth + 1);
                    }

                    break;
                case string text when name is not null:
                    // An upstream error carried as JSON text (OpenRouter metadata.raw, relays' "message").
                    if (LooksLikeJson(text) && JsonLite.TryParse(text, out var nested))
                    {
                        Walk(nested, null, depth + 1);
                    }
                    else if (string.Equals(name, "provider_name", StringComparison.OrdinalIgnoreCase))
                    {
                        _providers.Add(text);
                    }
                    else if (CodeNames.Contains(name) && text.Length <= 80)
                    {
                        _codes.Add(text.Trim().ToLowerInvariant());
                    }
                    else if (MessageNames.Contains(name))
                    {
                        _messages.Add(text);
                    }

                    break;
                case double number when name is not null && CodeNames.Contains(name):
                    _codes.Add(number.ToString(CultureInfo.InvariantCulture));
                    break;
            }
        }

        private static bool LooksLikeJson(string text)
        {
            var trimmed = text.TrimStart();
            return trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[{", StringComparison.Ordinal);
        }

        // "Error code: 401 - {'error': {...}}" (openai-python's rendering) or "... {"error": ...}" after a prefix.
        private static bool TryEmbeddedJson(string body, out object? root)
        {
            root = null;
            var start = body.IndexOf('{');
            var end = body.LastIndexOf('}');
            if (start < 0 || end <= start)
            {
                return false;
            }

            var candidate = body.Substring(start, end - start + 1);
            return JsonLite.TryParse(candidate, out root) || JsonLite.TryParse(FromPythonLiteral(candidate), out root);
        }

        private static string FromPythonLiteral(string text) => PythonLiteral.Replace(text, match =>
        {
            if (!match.Groups["q"].Success)
            {
                return match.Value == "None" ? "null" : match.Value.ToLowerInvariant();
            }

            var inner = match.Value.Substring(1, match.Value.Length - 2).Replace("\\'", "'").Replace("\"", "\\\"");
            return "\"" + inner + "\"";
        });
    }
}

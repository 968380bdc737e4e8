using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.Engine.Tests.Support
{
    /// <summary>One real answer of the diagnosis corpus (corpus/answers/*.json, copied to Corpus/ at build).</summary>
    public sealed class CapturedFixture
    {
        public string Id { get; init; } = string.Empty;
        public string Family { get; init; } = string.Empty;
        public string Batch { get; init; } = string.Empty;
        public int? Status { get; init; }
        public string? ContentType { get; init; }
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
        public string WireBody { get; init; } = string.Empty;
        public string ExpectedVerdict { get; init; } = string.Empty;
        public string? ExpectedReason { get; init; }
        public string? AcceptedAlternativeVerdict { get; init; }
        public string? SubVerdict { get; init; }
        public string ProbeBaseUri { get; init; } = string.Empty;
        public KeyShape ProbeKeyShape { get; init; }

        /// <summary>The clock the corpus tests classify at (daily-limit rows name a reset time from it).</summary>
        public static readonly DateTimeOffset ClassifiedAt = new(2026, 11, 27, 10, 48, 0, TimeSpan.Zero);

        public override string ToString() => Id;

        /// <summary>Classifies this answer as sent with <paramref name="status"/>, in the context it was seen in.</summary>
        public Classification ClassifyWithStatus(int status)
        {
            var context = new ProbeContext(ProbeKeyShape, KnownHosts.KindOf(new Uri(ProbeBaseUri)), ProbeBaseUri);
            var headers = Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
            return ResponseClassifier.Classify(new ProbeResponse(status, WireBody, headers, ContentType), context, ClassifiedAt);
        }

        private static readonly Lazy<IReadOnlyList<CapturedFixture>> Loaded = new(Load);

        public static IReadOnlyList<CapturedFixture> All => Loaded.Value;

        public static CapturedFixture ById(string id) =>
            All.FirstOrDefault(f => f.Id == id) ?? throw new KeyNotFoundException(id);

        /// <summary>The verdicts a row may get: its expected one and, where two are defensible, the alternative.</summary>
        public IEnumerable<string> AcceptedVerdicts =>
            AcceptedAlternativeVerdict is null ? new[] { ExpectedVerdict } : new[] { ExpectedVerdict, AcceptedAlternativeVerdict };

        private static IReadOnlyList<CapturedFixture> Load()
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Corpus");
            var result = new List<CapturedFixture>();
            foreach (var file in Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    result.Add(FromRow(item));
                }
            }

            return result;
        }

        private static CapturedFixture FromRow(JsonElement item)
        {
            // Wire form: the JSON-normalized body where a client rendering was captured, else the body as seen.
            var normalized = Text(item, "body_json_normalized");
            return new CapturedFixture
            {
                Id = Text(item, "id")!,
                Family = Text(item, "family") ?? string.Empty,
                Batch = Text(item, "batch") ?? string.Empty,
                Status = item.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null,
                ContentType = MediaType(Text(item, "content_type")),
                Headers = HeadersOf(item),
                WireBody = normalized ?? Text(item, "body") ?? string.Empty,
                ExpectedVerdict = Text(item, "expected_verdict")!,
                ExpectedReason = Text(item, "expected_reason"),
                AcceptedAlternativeVerdict = item.TryGetProperty("accepted_alternative", out var alternative) && alternative.ValueKind == JsonValueKind.Object
                    ? Text(alternative, "verdict")
                    : null,
                SubVerdict = Text(item, "sub_verdict"),
                ProbeBaseUri = Text(item, "base_uri") ?? "https://relay.example.com",
                ProbeKeyShape = ShapeOf(Text(item, "key_shape")),
            };
        }

        // The corpus names the kind of key sent in words (corpus/README.md); "openai" stands for today's project keys.
        private static KeyShape ShapeOf(string? described) => described switch
        {
            "relay" => KeyShape.Relay,
            "openai" => KeyShape.OpenAIProject,
            _ => KeyShape.Other,
        };

        private static Dictionary<string, string> HeadersOf(JsonElement item)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (item.TryGetProperty("headers", out var value) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in value.EnumerateObject())
                {
                    headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
                }
            }

            return headers;
        }

        private static string? Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // "application/json (inferred: ...)" -> "application/json"; "unknown" -> null.
        private static string? MediaType(string? described)
        {
            if (described is null || !described.Contains('/', StringComparison.Ordinal))
            {
                return null;
            }

            return described.Split(' ', ';')[0];
        }
    }
}

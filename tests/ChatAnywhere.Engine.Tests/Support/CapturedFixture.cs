using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ChatAnywhere.Engine.Tests.Support
{
    /// <summary>One captured response from Fixtures/responses.json (copied from the shared fixtures with provenance).</summary>
    public sealed class CapturedFixture
    {
        public string Id { get; init; } = string.Empty;
        public string Backend { get; init; } = string.Empty;
        public int? Status { get; init; }
        public string? ContentType { get; init; }
        public string WireBody { get; init; } = string.Empty;
        public string ExpectedVerdict { get; init; } = string.Empty;
        public string? SubVerdict { get; init; }
        public string ProbeBaseUri { get; init; } = string.Empty;
        public string ProbeKeyShape { get; init; } = string.Empty;

        public override string ToString() => Id;

        private static readonly Lazy<IReadOnlyList<CapturedFixture>> Loaded = new(Load);

        public static IReadOnlyList<CapturedFixture> All => Loaded.Value;

        public static CapturedFixture ById(string id) => All is var all ? FindById(all, id) : throw new InvalidOperationException();

        private static CapturedFixture FindById(IReadOnlyList<CapturedFixture> all, string id)
        {
            foreach (var fixture in all)
            {
                if (fixture.Id == id)
                {
                    return fixture;
                }
            }

            throw new KeyNotFoundException(id);
        }

        private static IReadOnlyList<CapturedFixture> Load()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "responses.json");
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var result = new List<CapturedFixture>();
            foreach (var item in document.RootElement.GetProperty("fixtures").EnumerateArray())
            {
                // Wire form: the JSON-normalized body where a client rendering was captured, else the body as seen.
                var normalized = Text(item, "body_json_normalized");
                result.Add(new CapturedFixture
                {
                    Id = Text(item, "id")!,
                    Backend = Text(item, "backend")!,
                    Status = item.GetProperty("status").ValueKind == JsonValueKind.Number ? item.GetProperty("status").GetInt32() : null,
                    ContentType = MediaType(Text(item, "content_type")),
                    WireBody = normalized ?? Text(item, "body") ?? string.Empty,
                    ExpectedVerdict = Text(item, "expected_verdict")!,
                    SubVerdict = Text(item, "sub_verdict"),
                    ProbeBaseUri = Text(item, "probe_base_uri")!,
                    ProbeKeyShape = Text(item, "probe_key_shape")!,
                });
            }

            return result;
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

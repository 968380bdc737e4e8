using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>A captured error message as a pattern: its words kept, its figures, model and organization free.</summary>
    public static partial class CapturedMessage
    {
        /// <summary>The pattern of error.message of a corpus row (corpus/answers/*.json, copied beside the tests).</summary>
        public static Regex PatternOf(string corpusId)
        {
            string message = ErrorMessage(RowBody(corpusId));
            // Names and figures vary by request; the sentence around them is what must match.
            message = OrganizationId().Replace(message, "\u0001O");
            message = ModelName().Replace(message, "for \u0001M in");
            message = Duration().Replace(message, "in \u0001D");
            message = Figure().Replace(message, "\u0001F");
            string pattern = Regex.Escape(message)
                .Replace("\u0001O", "org-[^ ]+", StringComparison.Ordinal)
                .Replace("\u0001M", "[^ ]+", StringComparison.Ordinal)
                .Replace("\u0001D", "[0-9.]+(?:ms|s|m[0-9.]+s|h[0-9]+m[0-9.]+s)", StringComparison.Ordinal)
                .Replace("\u0001F", "[0-9]+", StringComparison.Ordinal);
            return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
        }

        private static string RowBody(string corpusId)
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.json"))
            {
                using JsonDocument rows = JsonDocument.Parse(File.ReadAllText(file));
                JsonElement? row = rows.RootElement.EnumerateArray().Cast<JsonElement?>()
                    .FirstOrDefault(candidate => candidate!.Value.GetProperty("id").GetString() == corpusId);
                if (row is { } found)
                {
                    // The answer as sent where the row keeps one apart from a client's rendering of it.
                    return found.TryGetProperty("body_json_normalized", out JsonElement normalized) && normalized.ValueKind == JsonValueKind.String
                        ? normalized.GetString()!
                        : found.GetProperty("body").GetString()!;
                }
            }

            throw new InvalidOperationException($"{corpusId} is not in the corpus.");
        }

        private static string ErrorMessage(string body)
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.GetProperty("error").GetProperty("message").GetString()!;
        }

        [GeneratedRegex(@"org-[^ ]+")]
        private static partial Regex OrganizationId();

        [GeneratedRegex(@"for [^ ]+ in")]
        private static partial Regex ModelName();

        [GeneratedRegex(@"in [0-9.]+[hms]+")]
        private static partial Regex Duration();

        [GeneratedRegex(@"(?<=Limit |Used |Requested )[0-9]+")]
        private static partial Regex Figure();
    }
}

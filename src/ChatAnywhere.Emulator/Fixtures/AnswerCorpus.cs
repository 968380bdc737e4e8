using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>
    /// The diagnosis corpus (corpus/answers/*.json, embedded at build from the repository's one copy), by id:
    /// the real answers the emulator's own fixtures come from, and any of which a key can replay.
    /// </summary>
    public sealed class AnswerCorpus
    {
        /// <summary>The csproj gives each corpus file this logical name prefix.</summary>
        private const string ResourcePrefix = "ChatAnywhere.Emulator.Corpus.";

        // Framing of the connection the answer was captured on, not part of the answer: Kestrel frames the
        // body it sends (a shortened "html" row is not the captured length), and bodies are stored decoded,
        // so a replayed Content-Encoding: gzip would make the client fail to inflate plain text.
        // Content-Type comes from the row's content_type (it agrees with the header in every row that has both).
        private static readonly FrozenSet<string> HeadersNotReplayed = FrozenSet.ToFrozenSet(
            ["Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding", "Connection"], StringComparer.OrdinalIgnoreCase);

        private readonly FrozenDictionary<string, CorpusRow> _rows;
        private readonly FrozenDictionary<string, CannedAnswer> _replays;

        public AnswerCorpus(IEnumerable<CorpusRow> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var byId = new Dictionary<string, CorpusRow>(StringComparer.Ordinal);
            foreach (CorpusRow row in rows)
            {
                if (!byId.TryAdd(row.Id, row))
                {
                    throw new InvalidOperationException($"Corpus id '{row.Id}' appears twice in corpus/answers.");
                }
            }

            _rows = byId.ToFrozenDictionary(StringComparer.Ordinal);
            _replays = byId.Values.Where(row => row.Status is not null)
                .ToFrozenDictionary(row => row.Id, row => BuildReplay(row, row.Status!.Value), StringComparer.Ordinal);
        }

        public static AnswerCorpus LoadEmbedded()
        {
            Assembly assembly = Assembly.GetExecutingAssembly();
            string[] names = [.. assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
            if (names.Length == 0)
            {
                throw new InvalidOperationException($"No embedded corpus files ({ResourcePrefix}*.json): the emulator was built without corpus/answers.");
            }

            var rows = new List<CorpusRow>();
            foreach (string name in names)
            {
                using Stream stream = assembly.GetManifestResourceStream(name)!;
                rows.AddRange(JsonSerializer.Deserialize(stream, CorpusJsonContext.Default.ListCorpusRow)
                    ?? throw new InvalidOperationException($"Embedded corpus file {name} is empty."));
            }

            return new AnswerCorpus(rows);
        }

        public IEnumerable<CorpusRow> Rows => _rows.Values;

        public bool Contains(string id) => _rows.ContainsKey(id);

        public CorpusRow Get(string id) =>
            _rows.TryGetValue(id, out CorpusRow? row) ? row : throw new KeyNotFoundException($"'{id}' is not a corpus id (corpus/answers/*.json).");

        /// <summary>Whether the row can be replayed: only a row whose status the source showed.</summary>
        public bool CanReplay(string id) => _replays.ContainsKey(id);

        /// <summary>The row exactly as it is replayed: its status, content type, headers and wire body.</summary>
        public CannedAnswer Replay(string id) =>
            _replays.TryGetValue(id, out CannedAnswer? answer)
                ? answer
                : throw new KeyNotFoundException($"Corpus row '{id}' does not exist or has no status, so it cannot be replayed.");

        /// <summary>
        /// The Content-Type a row is sent with: its content_type up to any note ("application/json (inferred)"
        /// sends "application/json"); empty where the row names no media type ("unknown", "(none)", absent).
        /// </summary>
        public static string WireContentType(CorpusRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            string described = row.ContentType ?? string.Empty;
            int note = described.IndexOf(" (", StringComparison.Ordinal);
            string media = (note < 0 ? described : described[..note]).Trim();
            return media.Contains('/', StringComparison.Ordinal) ? media : string.Empty;
        }

        /// <summary>The body as it went on the wire (corpus/README.md): the normalized JSON where there is one, else the body as seen.</summary>
        public static string WireBody(CorpusRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return row.BodyJsonNormalized ?? row.Body ?? string.Empty;
        }

        private static CannedAnswer BuildReplay(CorpusRow row, int status)
        {
            string contentType = WireContentType(row);
            // Encoded in the charset the row names (PROXY-406-modsecurity-not-acceptable is iso-8859-1), so the
            // client decodes the row's text; UTF-8 where it names none or one .NET does not know.
            Encoding encoding = MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? media) && media.Encoding is Encoding named
                ? named
                : Encoding.UTF8;
            KeyValuePair<string, string>[] headers = [.. (row.Headers ?? FrozenDictionary<string, string>.Empty)
                .Where(header => !HeadersNotReplayed.Contains(header.Key))];
            return new CannedAnswer(status, contentType, encoding.GetBytes(WireBody(row)), headers);
        }
    }
}

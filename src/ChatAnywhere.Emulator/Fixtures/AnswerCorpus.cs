using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace ChatAnywhere.Emulator.Fixtures;

/// <summary>
/// The diagnosis corpus (corpus/answers/*.json, embedded at build from the repository's one copy), by id:
/// the real answers the emulator's own fixtures come from.
/// </summary>
public sealed class AnswerCorpus
{
    /// <summary>The csproj gives each corpus file this logical name prefix.</summary>
    private const string ResourcePrefix = "ChatAnywhere.Emulator.Corpus.";

    private readonly FrozenDictionary<string, CorpusRow> _rows;

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
}

using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>
    /// The answers the emulator's personalities and faults send, by id: every corpus row (corpus/answers) as it
    /// went on the wire, where Resources/responses.json holds no reconstruction of it, and the EMU- answers that
    /// file adds. One catalogue: a captured body lives in the corpus only, so the two cannot drift apart.
    /// </summary>
    public sealed class FixtureCatalog
    {
        private const string ResourceName = "ChatAnywhere.Emulator.Resources.responses.json";
        private const string EmulatorOwnPrefix = "EMU-";

        private readonly FrozenDictionary<string, CapturedResponse> _byId;

        /// <param name="corpus">The real answers.</param>
        /// <param name="emulatorEntries">Resources/responses.json: reconstructions of corpus bodies and EMU- answers.</param>
        public FixtureCatalog(AnswerCorpus corpus, IEnumerable<CapturedResponse> emulatorEntries)
        {
            ArgumentNullException.ThrowIfNull(corpus);
            ArgumentNullException.ThrowIfNull(emulatorEntries);
            Corpus = corpus;
            var byId = new Dictionary<string, CapturedResponse>(StringComparer.Ordinal);
            foreach (CapturedResponse entry in emulatorEntries)
            {
                CapturedResponse merged = corpus.Contains(entry.Id) ? Reconstruction(entry, corpus.Get(entry.Id)) : EmulatorOwn(entry);
                if (!byId.TryAdd(entry.Id, merged))
                {
                    throw new InvalidOperationException($"Resources/responses.json: '{entry.Id}' appears twice.");
                }
            }

            foreach (CorpusRow row in corpus.Rows)
            {
                byId.TryAdd(row.Id, FromCorpus(row));
            }

            _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        }

        public AnswerCorpus Corpus { get; }

        public static FixtureCatalog LoadEmbedded()
        {
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
            CapturedResponseFile file = JsonSerializer.Deserialize(stream, CapturedResponseJsonContext.Default.CapturedResponseFile)
                ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
            return new FixtureCatalog(AnswerCorpus.LoadEmbedded(), file.Responses);
        }

        public bool Contains(string id) => _byId.ContainsKey(id);

        public CapturedResponse Get(string id) =>
            _byId.TryGetValue(id, out CapturedResponse? response)
                ? response
                : throw new KeyNotFoundException($"Fixture '{id}' is neither a corpus id nor in Resources/responses.json.");

        /// <summary>The fixture as sent; <paramref name="status"/> is required where the capture showed none.</summary>
        public CannedAnswer Answer(string id, int? status = null)
        {
            CapturedResponse response = Get(id);
            int wireStatus = status ?? response.Status
                ?? throw new InvalidOperationException($"Fixture '{id}' has no captured status; give one.");
            return new CannedAnswer(wireStatus, response.WireContentType, Encoding.UTF8.GetBytes(response.WireBody));
        }

        /// <summary>A fixture whose body holds <paramref name="sample"/> once, to be swapped per request.</summary>
        public FixtureTemplate Template(string id, string sample, int? status = null)
        {
            CapturedResponse response = Get(id);
            int wireStatus = status ?? response.Status
                ?? throw new InvalidOperationException($"Fixture '{id}' has no captured status; give one.");
            return new FixtureTemplate(id, wireStatus, response.WireContentType, response.WireBody, sample);
        }

        private static CapturedResponse FromCorpus(CorpusRow row) => new()
        {
            Id = row.Id,
            Provenance = row.Provenance,
            Status = row.Status,
            ContentType = row.ContentType,
            BodyFidelity = row.BodyFidelity,
            WireContentType = AnswerCorpus.WireContentType(row),
            WireBody = AnswerCorpus.WireBody(row),
        };

        // An entry under a corpus id exists only to send a body the corpus could not give on the wire (a fragment,
        // a message): it must say how it was rebuilt, and it takes status and provenance from the row, so nothing
        // of the row is written twice.
        private static CapturedResponse Reconstruction(CapturedResponse entry, CorpusRow row)
        {
            Require(entry.Reconstruction is not null, entry.Id,
                "is a corpus id: the emulator sends the corpus row; keep an entry here only for a reconstructed body, with 'reconstruction' saying how it was built.");
            Require(entry.Status is null && entry.ContentType is null && entry.Provenance is null && entry.BodyFidelity is null && entry.BasedOn is null, entry.Id,
                "is a corpus id: status, content_type, provenance, body_fidelity and based_on come from the corpus row; give only wire_content_type, wire_body, reconstruction and note.");
            return entry with { Status = row.Status, ContentType = row.ContentType, Provenance = row.Provenance, BodyFidelity = row.BodyFidelity };
        }

        private static CapturedResponse EmulatorOwn(CapturedResponse entry)
        {
            Require(entry.Id.StartsWith(EmulatorOwnPrefix, StringComparison.Ordinal), entry.Id,
                $"is not a corpus id: a real answer belongs in corpus/answers, and the emulator's own answers have ids starting with '{EmulatorOwnPrefix}'.");
            Require(entry.Reconstruction is not null && entry.Provenance is not null && entry.BodyFidelity is not null, entry.Id,
                "is the emulator's own answer: give 'reconstruction' (how it was built), 'provenance' and 'body_fidelity'.");
            return entry;
        }

        private static void Require(bool condition, string id, string message)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"Resources/responses.json: '{id}' {message}");
            }
        }
    }
}

using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ChatAnywhere.Emulator.Fixtures;

/// <summary>The captured responses embedded from Resources/responses.json, by fixture id.</summary>
public sealed class FixtureCatalog
{
    private const string ResourceName = "ChatAnywhere.Emulator.Resources.responses.json";

    private readonly FrozenDictionary<string, CapturedResponse> _byId;

    public FixtureCatalog(IEnumerable<CapturedResponse> responses)
    {
        _byId = responses.ToFrozenDictionary(response => response.Id, StringComparer.Ordinal);
    }

    public static FixtureCatalog LoadEmbedded()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        CapturedResponseFile file = JsonSerializer.Deserialize(stream, CapturedResponseJsonContext.Default.CapturedResponseFile)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is empty.");
        return new FixtureCatalog(file.Responses);
    }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public CapturedResponse Get(string id) =>
        _byId.TryGetValue(id, out CapturedResponse? response)
            ? response
            : throw new KeyNotFoundException($"Fixture '{id}' is not in Resources/responses.json.");

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
}

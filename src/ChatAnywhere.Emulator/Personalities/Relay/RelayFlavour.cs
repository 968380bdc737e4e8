using System;
using ChatAnywhere.Emulator.Fixtures;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay;

/// <summary>What tells one relay software from the other: its mount point, its answers, its headers.</summary>
public sealed class RelayFlavour
{
    private RelayFlavour(string name, string prefix, CannedAnswer status, CannedAnswer noToken, CannedAnswer invalidToken, string? versionHeader)
    {
        Name = name;
        Prefix = new PathString(prefix);
        Status = status;
        NoToken = noToken;
        InvalidToken = invalidToken;
        VersionHeader = versionHeader;
    }

    public string Name { get; }

    public PathString Prefix { get; }

    /// <summary>GET /api/status.</summary>
    public CannedAnswer Status { get; }

    /// <summary>A relay route called without a token.</summary>
    public CannedAnswer NoToken { get; }

    /// <summary>A relay route called with a token the relay does not know.</summary>
    public CannedAnswer InvalidToken { get; }

    /// <summary>The X-New-Api-Version value new-api sends; null for one-api.</summary>
    public string? VersionHeader { get; }

    /// <summary>one-api (songquanpeng/one-api).</summary>
    public static RelayFlavour OneApi(FixtureCatalog fixtures)
    {
        ArgumentNullException.ThrowIfNull(fixtures);
        return new RelayFlavour(
            "one-api", "/relay/one-api",
            fixtures.Answer("EMU-ONE-api-status"), fixtures.Answer("ONE-401-no-token-measured"), fixtures.Answer("ONE-401-invalid-token-measured"),
            versionHeader: null);
    }

    /// <summary>new-api (QuantumNous/new-api); the live relay measured sent X-New-Api-Version (relay-admin-api.md §4).</summary>
    public static RelayFlavour NewApi(FixtureCatalog fixtures)
    {
        ArgumentNullException.ThrowIfNull(fixtures);
        return new RelayFlavour(
            "new-api", "/relay/new-api",
            fixtures.Answer("EMU-NEW-api-status"), fixtures.Answer("NEW-401-no-token-measured"), fixtures.Answer("EMU-NEW-401-invalid-token"),
            versionHeader: "v1.0.0-rc.39");
    }
}

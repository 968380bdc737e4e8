using System;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay;

/// <summary>
/// A self-hosted one-api or new-api relay under /relay/{flavour}: its public GET /api/status and
/// the data plane's token check on GET /v1/models (relay-admin-api.md §3, §4). It knows no
/// tokens yet, so every key is refused as invalid; token management is to come.
/// </summary>
public sealed class RelayPersonality : IPersonality
{
    private static readonly CannedAnswer NotEmulated = CannedAnswer.Empty(StatusCodes.Status404NotFound);

    private readonly RelayFlavour _flavour;

    public RelayPersonality(RelayFlavour flavour)
    {
        _flavour = flavour;
    }

    public string Name => _flavour.Name;

    public PathString Prefix => _flavour.Prefix;

    public Task AnswerAsync(DataPlaneRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpContext context = request.Context;
        if (_flavour.VersionHeader is not null)
        {
            context.Response.Headers["X-New-Api-Version"] = _flavour.VersionHeader;
        }

        return Answer(request).WriteAsync(context);
    }

    private CannedAnswer Answer(DataPlaneRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return NotEmulated;
        }

        if (IsPath(request, "/api/status"))
        {
            return _flavour.Status;
        }

        if (IsPath(request, "/v1/models"))
        {
            // Both relays strip "Bearer " and take whatever is left as the token (relay-admin-api.md §2).
            return string.IsNullOrWhiteSpace(request.BearerKey ?? request.Authorization) ? _flavour.NoToken : _flavour.InvalidToken;
        }

        return NotEmulated;
    }

    private static bool IsPath(DataPlaneRequest request, string path) =>
        string.Equals(request.PathWithin.Value, path, StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Http;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Personalities.Shared;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// A self-hosted one-api or new-api relay under /relay/{flavour}: its public GET /api/status, the
    /// token API under /api/token (<see cref="RelayTokenApi"/>), and the data plane's token check on
    /// GET /v1/models and POST /v1/chat/completions (relay-admin-api.md §2-§5), over the mount's own tokens;
    /// and the balance a key can read (<see cref="RelayBillingRoutes"/>), which served chat calls lower.
    /// </summary>
    public sealed class RelayPersonality : IPersonality
    {
        private static readonly CannedAnswer NotEmulated = CannedAnswer.Empty(StatusCodes.Status404NotFound);

        private readonly RelayFlavour _flavour;
        private readonly RelayTokenApi _tokenApi;
        private readonly RelayBillingRoutes _billing;

        public RelayPersonality(RelayFlavour flavour, RelayTokenStore tokens, RelayManagementAnswers answers, RelayBillingRoutes billing)
        {
            _billing = billing;
            ArgumentNullException.ThrowIfNull(flavour);
            _flavour = flavour;
            Tokens = tokens;
            _tokenApi = new RelayTokenApi(flavour, tokens, answers);
        }

        public string Name => _flavour.Name;

        public PathString Prefix => _flavour.Prefix;

        public RelayFlavour Flavour => _flavour;

        /// <summary>This mount's tokens (the control endpoint shows them).</summary>
        public RelayTokenStore Tokens { get; }

        public async Task AnswerAsync(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            HttpContext context = request.Context;
            if (_flavour.VersionHeader is not null)
            {
                context.Response.Headers["X-New-Api-Version"] = _flavour.VersionHeader;
            }

            // Both relays' RequestId middleware runs first for every route and names each request anew (relay-admin-api.md §7).
            string requestId = RelayRequestId.New(_flavour.Era, request.ReceivedAt);
            context.Response.Headers[RelayRequestId.HeaderName] = requestId;
            (IAnswer answer, bool fromUpstream) = await AnswerOf(request, requestId).ConfigureAwait(false);
            // Everything the relays answer themselves goes through gin's c.JSON (§7); a served completion is the upstream's body.
            if (answer is CannedAnswer { ContentType: "application/json" } own && !fromUpstream)
            {
                answer = new CannedAnswer(own.Status, RelayRefusal.GinJsonContentType, own.Body.ToArray(), own.Headers);
            }

            await answer.WriteAsync(context).ConfigureAwait(false);
        }

        private async Task<(IAnswer Answer, bool FromUpstream)> AnswerOf(DataPlaneRequest request, string requestId)
        {
            if (RelayTokenApi.Serves(request.PathWithin))
            {
                return (await _tokenApi.AnswerAsync(request).ConfigureAwait(false), false);
            }

            bool isModels = IsRoute(request, HttpMethods.Get, "/v1/models");
            bool isChat = IsRoute(request, HttpMethods.Post, "/v1/chat/completions");
            if (IsRoute(request, HttpMethods.Get, "/api/status"))
            {
                return (_flavour.Status, false);
            }

            if (_flavour.Dialect == RelayDialect.NewApi && RelayBillingRoutes.IsTokenUsageRoute(request))
            {
                return (_billing.TokenUsage(request, Tokens), false);
            }

            bool isBilling = RelayBillingRoutes.IsBillingRoute(request);
            if (!isModels && !isChat && !isBilling)
            {
                return (NotEmulated, false);
            }

            // Both relays strip "Bearer " and take whatever is left as the token (relay-admin-api.md §2).
            string? presented = request.BearerKey ?? request.Authorization;
            if (string.IsNullOrWhiteSpace(presented))
            {
                return (_flavour.NoToken.Answer(_flavour, requestId), false);
            }

            RelayToken? token = Tokens.FindByKey(request.Scenario, RelayKeys.FromAuthorization(presented));
            RelayRefusal? refusal = RelayTokenCheck.Check(token, request.Scenario.Definition.Relay, request.ReceivedAt) switch
            {
                RelayTokenVerdict.Invalid => _flavour.InvalidToken,
                RelayTokenVerdict.Disabled => _flavour.TokenDisabled,
                RelayTokenVerdict.Expired => _flavour.TokenExpired,
                RelayTokenVerdict.Exhausted => _flavour.TokenExhausted,
                _ => null,
            };
            HttpContext context = request.Context;
            ChatRequestSummary? summary = isChat
                ? await ChatRequestReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false)
                : null;
            refusal ??= RelayAccessCheck.Check(
                _flavour, token!, request.Scenario.Definition.Relay!, RelayKeys.ToStoredForm(presented)!,
                RelayAllowList.ClientAddress(request.ClientIp), summary is null ? null : summary.Model ?? string.Empty);
            if (refusal is not null)
            {
                return (refusal.Answer(_flavour, requestId), false);
            }

            if (isBilling)
            {
                return (_billing.Billing(request, token!), false);
            }

            if (summary is null)
            {
                return (OpenAICompatibleAnswers.ModelListLimitedTo(token!.Settings.ModelLimit), false);
            }

            if (summary.TooLarge)
            {
                return (CannedAnswer.Empty(StatusCodes.Status413PayloadTooLarge), false);
            }

            // A served completion is billed to its token, so the billing routes show the balance falling.
            Tokens.Spend(request.Scenario, token!.Id, request.Scenario.Definition.Relay?.QuotaPerRequest ?? 0);
            // The relays pass the upstream's body, or its chunks as they come, through (docs/reference/streaming.md §3).
            return (OpenAICompatibleAnswers.Served(request, summary, chat: true, StreamDialect.OpenAI), true);
        }

        private static bool IsRoute(DataPlaneRequest request, string method, string path) =>
            string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(request.PathWithin.Value, path, StringComparison.OrdinalIgnoreCase);
    }
}

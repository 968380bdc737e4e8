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

            IAnswer answer = await AnswerOf(request).ConfigureAwait(false);
            await answer.WriteAsync(context).ConfigureAwait(false);
        }

        private async Task<IAnswer> AnswerOf(DataPlaneRequest request)
        {
            if (RelayTokenApi.Serves(request.PathWithin))
            {
                return await _tokenApi.AnswerAsync(request).ConfigureAwait(false);
            }

            bool isModels = IsRoute(request, HttpMethods.Get, "/v1/models");
            bool isChat = IsRoute(request, HttpMethods.Post, "/v1/chat/completions");
            if (IsRoute(request, HttpMethods.Get, "/api/status"))
            {
                return _flavour.Status;
            }

            if (_flavour.Dialect == RelayDialect.NewApi && RelayBillingRoutes.IsTokenUsageRoute(request))
            {
                return _billing.TokenUsage(request, Tokens);
            }

            bool isBilling = RelayBillingRoutes.IsBillingRoute(request);
            if (!isModels && !isChat && !isBilling)
            {
                return NotEmulated;
            }

            // Both relays strip "Bearer " and take whatever is left as the token (relay-admin-api.md §2).
            string? presented = request.BearerKey ?? request.Authorization;
            if (string.IsNullOrWhiteSpace(presented))
            {
                return _flavour.NoToken;
            }

            RelayToken? token = Tokens.FindByKey(request.Scenario, RelayKeys.FromAuthorization(presented));
            switch (RelayTokenCheck.Check(token, request.Scenario.Definition.Relay, request.ReceivedAt))
            {
                case RelayTokenVerdict.Invalid:
                    return _flavour.InvalidToken;
                case RelayTokenVerdict.Disabled:
                    return _flavour.TokenDisabled;
                case RelayTokenVerdict.Expired:
                    return _flavour.TokenExpired;
                case RelayTokenVerdict.Exhausted:
                    return _flavour.TokenExhausted;
            }

            if (isBilling)
            {
                return _billing.Billing(request, token!);
            }

            if (isModels)
            {
                return OpenAICompatibleAnswers.ModelListLimitedTo(token!.Settings.ModelLimit);
            }

            HttpContext context = request.Context;
            ChatRequestSummary summary = await ChatRequestReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            if (summary.TooLarge)
            {
                return CannedAnswer.Empty(StatusCodes.Status413PayloadTooLarge);
            }

            // A served completion is billed to its token, so the billing routes show the balance falling.
            Tokens.Spend(request.Scenario, token!.Id, request.Scenario.Definition.Relay?.QuotaPerRequest ?? 0);
            // The relays pass the upstream's chunks through as they come (docs/reference/streaming.md §3).
            return OpenAICompatibleAnswers.Served(request, summary, chat: true, StreamDialect.OpenAI);
        }

        private static bool IsRoute(DataPlaneRequest request, string method, string path) =>
            string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(request.PathWithin.Value, path, StringComparison.OrdinalIgnoreCase);
    }
}

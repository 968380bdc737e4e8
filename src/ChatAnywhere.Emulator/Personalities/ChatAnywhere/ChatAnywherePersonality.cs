using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Http;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Limits;
using ChatAnywhere.Emulator.Personalities.Shared;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// ChatAnywhere at the root: /v1/models, /v1/chat/completions, /v1/completions, and the balance and
    /// usage queries (<see cref="ChatAnywhereBalanceRoutes"/>), which spend nothing.
    /// Checks run in the order a key can fail: header, key known and active, free-plan daily count,
    /// free-plan path, model and prompt size; then the OpenAI-shaped success.
    /// </summary>
    public sealed class ChatAnywherePersonality : IPersonality
    {
        private const string ModelsPath = "/v1/models";
        private const string ChatPath = "/v1/chat/completions";
        private const string CompletionsPath = "/v1/completions";

        private readonly ChatAnywhereAnswers _answers;
        private readonly DailyUsageLedger _usage;
        private readonly SpendingLedger _spending;
        private readonly ChatAnywhereBalanceRoutes _balance;

        public ChatAnywherePersonality(ChatAnywhereAnswers answers, DailyUsageLedger usage, SpendingLedger spending, FixtureCatalog fixtures)
        {
            _answers = answers;
            _usage = usage;
            _spending = spending;
            _balance = new ChatAnywhereBalanceRoutes(answers, spending, fixtures);
        }

        public string Name => "chatanywhere";

        public PathString Prefix => PathString.Empty;

        public async Task AnswerAsync(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            HttpContext context = request.Context;
            string path = request.PathWithin.Value ?? "/";
            bool isModels = IsRoute(request, HttpMethods.Get, ModelsPath);
            bool isChat = IsRoute(request, HttpMethods.Post, ChatPath);
            bool isCompletions = IsRoute(request, HttpMethods.Post, CompletionsPath);
            if (ChatAnywhereBalanceRoutes.Serves(request))
            {
                await (await _balance.AnswerAsync(request).ConfigureAwait(false)).WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (!isModels && !isChat && !isCompletions)
            {
                await _answers.UnknownPath.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            CannedAnswer? refusal = Refusal(request, path, isModels, isCompletions);
            if (refusal is not null)
            {
                await refusal.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (isModels)
            {
                await OpenAICompatibleAnswers.ModelList.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            ChatRequestSummary summary = await ChatRequestReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            IAnswer answer = summary switch
            {
                { TooLarge: true } => _answers.BodyTooLarge,
                // The only captured ChatAnywhere parse error (CA-400-bad-json) stands for every malformed body.
                { IsJson: false } => _answers.BodyNotJson,
                _ when request.Key!.Entry.Plan == KeyPlan.Free => (IAnswer?)FreePlanRefusal(request, summary)
                    ?? Success(request, summary, isChat),
                _ => Success(request, summary, isChat),
            };
            if (answer.Status == StatusCodes.Status200OK && request.Key!.Entry.Balance is { } balance)
            {
                // Each served completion is spent from the key's balance and shows in its usage rows.
                _spending.Spend(request.BearerKey!, request.ReceivedAt, summary.Model ?? "unknown", summary.EstimatedPromptTokens, summary.MaxTokens ?? 1, balance.CostPerRequest);
            }

            await answer.WriteAsync(context).ConfigureAwait(false);
        }

        private static bool IsRoute(DataPlaneRequest request, string method, string path) =>
            string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(request.PathWithin.Value, path, StringComparison.OrdinalIgnoreCase);

        /// <summary>Everything decided before the body is read; null when the request may go on.</summary>
        private CannedAnswer? Refusal(DataPlaneRequest request, string path, bool isModels, bool isCompletions)
        {
            string? key = request.BearerKey;
            // What the service answers with no header at all was not captured; the Tengine page
            // (CA-401-tengine-missing-sk, key without "sk-") is the nearest capture.
            if (key is null || !key.StartsWith("sk-", StringComparison.Ordinal))
            {
                return _answers.MissingOrMalformedKey;
            }

            Scenario scenario = request.Scenario.Definition;
            ChatAnywhereEraAnswers texts = _answers.For(scenario.ChatAnywhereEra);
            TrackedKey? tracked = request.Key is { Entry.Personality: KeyPersonality.ChatAnywhere } known ? known : null;
            EffectiveKeyState state = tracked?.StateAt(request.ReceivedAt) ?? EffectiveKeyState.NotRecognized;
            switch (state)
            {
                case EffectiveKeyState.NotRecognized:
                    return texts.InvalidKey(key);
                case EffectiveKeyState.Suspended:
                    return _answers.Suspended(tracked!.Entry.Status ?? StatusCodes.Status401Unauthorized);
                case EffectiveKeyState.BalanceTooLow:
                    return texts.BalanceTooLow(key, tracked!.Entry.Status ?? StatusCodes.Status403Forbidden);
                case EffectiveKeyState.DailyLimitReached:
                    return texts.DailyLimitReached;
            }

            ScenarioKey entry = tracked!.Entry;
            if (entry.Balance is { } balance && !isModels && _balance.UsedNow(key, balance) >= balance.Total)
            {
                // Spent through the emulator down to nothing: the service's balance-too-low refusal.
                return texts.BalanceTooLow(key, entry.Status ?? StatusCodes.Status403Forbidden);
            }

            if (entry.Plan != KeyPlan.Free)
            {
                return null;
            }

            bool counts = scenario.DailyLimitAppliesTo == DailyLimitScope.All || !isModels;
            if (counts && !_usage.TryConsume(key, entry.UsedToday, entry.DailyLimit ?? scenario.DailyLimit, request.ClientIp, scenario.DailyLimit))
            {
                return texts.DailyLimitReached;
            }

            // The legacy completions path is refused to free keys with the model-list message (CA-403-free-model-whitelist-completions
            // and CA-403-free-models-2025-apikey-suffix were both seen on /v1/completions with a model on the list).
            return isCompletions ? texts.ModelNotInFreePlan(key, legacyCompletionsPath: true) : null;
        }

        /// <summary>
        /// The free plan's checks on the body: model list, prompt size, then the model's own daily cap. The order of the last
        /// two was not captured; a request refused for its size is not counted against the model.
        /// </summary>
        private CannedAnswer? FreePlanRefusal(DataPlaneRequest request, ChatRequestSummary summary)
        {
            Scenario scenario = request.Scenario.Definition;
            ChatAnywhereEraAnswers texts = _answers.For(scenario.ChatAnywhereEra);
            string key = request.BearerKey!;
            IReadOnlyList<string> allowed = request.Key!.Entry.Models ?? FreePlan.Models(scenario.ChatAnywhereEra);
            if (summary.Model is not string model || !Contains(allowed, model))
            {
                return texts.ModelNotInFreePlan(key, legacyCompletionsPath: false);
            }

            if (summary.EstimatedPromptTokens > FreePlan.MaxPromptTokens)
            {
                return texts.PromptTooLongForFreePlan(key);
            }

            return FreePlan.ModelDailyLimit(scenario, model) is int limit && !_usage.TryConsumeForModel(key, model, limit)
                ? texts.ModelDailyLimitReached(model, limit)
                : null;
        }

        private IAnswer Success(DataPlaneRequest request, ChatRequestSummary summary, bool isChat) =>
            OpenAICompatibleAnswers.Served(request, summary, isChat, StreamDialect.ChatAnywhere, _answers.OkErrorFrame);

        private static bool Contains(IReadOnlyList<string> models, string model)
        {
            foreach (string candidate in models)
            {
                if (string.Equals(candidate, model, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

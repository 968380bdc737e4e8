using System;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Http;
using ChatAnywhere.Emulator.Keys;
using ChatAnywhere.Emulator.Limits;
using ChatAnywhere.Emulator.Personalities.Shared;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.OpenAI
{
    /// <summary>
    /// api.openai.com at /openai: where a ChatAnywhere key ends up when the base URL was never changed,
    /// the most common cause of "Incorrect API key provided" (docs/reference/chatanywhere.md, cause 1).
    /// Only keys listed with "personality": "openai" succeed; such a key that is suspended or out of
    /// balance gets OpenAI's answer for a deactivated account or an exhausted quota.
    /// </summary>
    public sealed class OpenAIPersonality : IPersonality
    {
        private static readonly OpenAIRateLimits DefaultRateLimits = new();

        private readonly OpenAIAnswers _answers;
        private readonly RateLimitBuckets _rateLimits;

        public OpenAIPersonality(OpenAIAnswers answers, RateLimitBuckets rateLimits)
        {
            _answers = answers;
            _rateLimits = rateLimits;
        }

        public string Name => "openai";

        public PathString Prefix { get; } = new("/openai");

        public async Task AnswerAsync(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            HttpContext context = request.Context;

            StampRequestId(context.Response);
            string path = request.PathWithin.HasValue ? request.PathWithin.Value! : "/";
            bool isModels = IsRoute(request, HttpMethods.Get, "/v1/models");
            bool isChat = IsRoute(request, HttpMethods.Post, "/v1/chat/completions");
            if (!isModels && !isChat)
            {
                // OA-404-invalid-url names the method and path, as OpenAI sees them (without /openai).
                await _answers.InvalidUrl.Fill($"{request.Method} {path}").WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (string.IsNullOrEmpty(request.BearerKey))
            {
                await _answers.NoKey.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            EffectiveKeyState state = request.Key is { Entry.Personality: KeyPersonality.OpenAI } key
                ? key.StateAt(request.ReceivedAt)
                : EffectiveKeyState.NotRecognized;

            // The out-of-credit capture is of a chat (OA-429-insufficient-quota); none shows what /v1/models
            // answers such a key, so the list stays open to it and only a chat is refused. The deactivated
            // account's capture is of GET /v1/models (OA-401-account-deactivated-code): every route refuses it.
            if (state == EffectiveKeyState.BalanceTooLow && isChat)
            {
                await _answers.InsufficientQuota.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (state == EffectiveKeyState.Suspended)
            {
                await _answers.AccountDeactivated.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (state is not (EffectiveKeyState.Active or EffectiveKeyState.BalanceTooLow))
            {
                // The realm header was seen with this answer (OA-401-incorrect-key-measured).
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"OpenAI API\"";
                await _answers.IncorrectKey.Fill(OpenAIKeyMask.Mask(request.BearerKey)).WriteAsync(context).ConfigureAwait(false);
                return;
            }

            if (isModels)
            {
                await OpenAICompatibleAnswers.ModelList.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            ChatRequestSummary summary = await ChatRequestReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            IAnswer answer = summary.TooLarge
                ? CannedAnswer.Empty(StatusCodes.Status413PayloadTooLarge)
                : summary.Model is { } model && !OpenAICompatibleAnswers.IsListed(model)
                    ? _answers.UnknownModel.Fill("`" + model + "`")
                    : WithinRateLimits(request, summary) ?? OpenAICompatibleAnswers.Served(request, summary, chat: true, StreamDialect.OpenAI);
            await answer.WriteAsync(context).ConfigureAwait(false);
        }

        /// <summary>
        /// Takes the chat from the key's per-minute buckets and writes the x-ratelimit-* headers; the refusal when
        /// a bucket is short. A chat asks for its prompt and its max_tokens (else the emulator's reply length).
        /// </summary>
        private IAnswer? WithinRateLimits(DataPlaneRequest request, ChatRequestSummary summary)
        {
            OpenAIRateLimits limits = request.Key!.Entry.RateLimits ?? DefaultRateLimits;
            long tokens = summary.EstimatedPromptTokens + (summary.MaxTokens ?? CompletionReply.FullReplyTokens);
            RateLimitDecision decision = _rateLimits.Take(request.BearerKey!, limits, tokens, request.ReceivedAt);
            HttpResponse response = request.Context.Response;
            OpenAIRateLimitAnswers.WriteHeaders(response, decision.Headers);
            if (decision.LimitedOn is null)
            {
                return null;
            }

            if (limits.SendRetryAfter && !decision.TooLarge)
            {
                response.Headers.RetryAfter = ((long)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return OpenAIRateLimitAnswers.Refusal(decision, summary.Model ?? CompletionReply.DefaultModel);
        }

        /// <summary>OpenAI gives every answer, faults included, its own request id (the SDKs surface it as request_id / _request_id).</summary>
        public static void StampRequestId(HttpResponse response)
        {
            ArgumentNullException.ThrowIfNull(response);
            response.Headers["x-request-id"] = "req_" + Guid.NewGuid().ToString("N");
        }

        private static bool IsRoute(DataPlaneRequest request, string method, string path) =>
            string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(request.PathWithin.Value, path, StringComparison.OrdinalIgnoreCase);
    }
}

using System;
using System.Collections.Concurrent;
using System.Globalization;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// The answers whose wording changed over the years, in one era's captured form. Where that era has no capture of an
    /// answer, the nearest captured form stands in, and the table in <see cref="For"/> says so; no text is made up.
    /// </summary>
    public sealed class ChatAnywhereEraAnswers
    {
        // The sample values inside the captures that are swapped per request.
        private const string PromptSampleMask = "sk-KaQ****hsdA";
        private const string ModelListSampleMask = "sk-vTK****Qap2";
        private const string BalanceSampleMask = "sk-e9T****yXf0";
        private const string InvalidKeySampleMask = "sk-Emu****0003";

        private readonly KeyEchoingAnswer _invalidKey;
        private readonly KeyEchoingAnswer _modelNotInFreePlan;
        private readonly KeyEchoingAnswer _modelNotInFreePlanOnLegacyPath;
        private readonly KeyEchoingAnswer _promptTooLong;
        private readonly string _balanceTooLowMessage;
        private readonly string? _balanceSampleMask;
        private readonly Func<string, int, string> _modelDailyLimitMessage;
        private readonly ConcurrentDictionary<int, CannedAnswer> _balanceTooLowByStatus = new();
        private readonly ConcurrentDictionary<(string Model, int Limit), CannedAnswer> _modelDailyLimitAnswers = new();

        private ChatAnywhereEraAnswers(
            KeyEchoingAnswer invalidKey,
            KeyEchoingAnswer modelNotInFreePlan,
            KeyEchoingAnswer modelNotInFreePlanOnLegacyPath,
            KeyEchoingAnswer promptTooLong,
            (string Message, string? SampleMask) balanceTooLow,
            Func<string, int, string> modelDailyLimitMessage,
            CannedAnswer dailyLimitReached)
        {
            _invalidKey = invalidKey;
            _modelNotInFreePlan = modelNotInFreePlan;
            _modelNotInFreePlanOnLegacyPath = modelNotInFreePlanOnLegacyPath;
            _promptTooLong = promptTooLong;
            (_balanceTooLowMessage, _balanceSampleMask) = balanceTooLow;
            _modelDailyLimitMessage = modelDailyLimitMessage;
            DailyLimitReached = dailyLimitReached;
        }

        /// <summary>The free key's 200 a day: CA-429-free-200-per-day in every era, the only body captured (2024).</summary>
        public CannedAnswer DailyLimitReached { get; }

        public static ChatAnywhereEraAnswers For(FixtureCatalog fixtures, ChatAnywhereEra era)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            CannedAnswer dailyLimit = fixtures.Answer("CA-429-free-200-per-day");
            // 2024's texts; 2023 keeps the 4096 prompt text (CA-free-prompt-4000-2024-01 is a fragment without status)
            // and 2025 too (no 2025 capture of it).
            var prompt2024 = new KeyEchoingAnswer(fixtures.Answer("CA-403-free-prompt-4096-com-cn"));
            (string, string?) balance2024 = (ChatAnywhereErrorEnvelope.MessageOf(fixtures.Get("CA-balance-too-low").WireBody), null);
            // The per-model cap was first captured in 2025 ("该模型…"); earlier eras have no default caps, so it is
            // sent there only when a scenario sets caps.
            Func<string, int, string> modelLimit2025 = PerModelLimit2025(fixtures);
            return era switch
            {
                ChatAnywhereEra.Year2023 => new(
                    new(fixtures.Answer("CA-401-wrong-api-key-plain-2023")),
                    new(fixtures.Answer("CA-403-limit-to-use-2023")),
                    // The legacy completions path got the same text as a 401 then (issue #51).
                    new(fixtures.Answer("CA-401-limit-to-use-2023")),
                    prompt2024, balance2024, modelLimit2025, dailyLimit),
                ChatAnywhereEra.Year2024 => new(
                    // No 2024 invalid-key text was captured: 2023's plain text is the nearest (the measured one is 2026's).
                    new(fixtures.Answer("CA-401-wrong-api-key-plain-2023")),
                    new(fixtures.Answer("CA-403-free-model-whitelist-completions")),
                    new(fixtures.Answer("CA-403-free-model-whitelist-completions")),
                    prompt2024, balance2024, modelLimit2025, dailyLimit),
                ChatAnywhereEra.Year2025 => new(
                    // No 2025 invalid-key text was captured: the measured 2026 one, with the key echo 2025 introduced.
                    InvalidKeyToday(fixtures),
                    ModelListToday(fixtures),
                    ModelListToday(fixtures),
                    prompt2024, BalanceToday(fixtures), modelLimit2025, dailyLimit),
                ChatAnywhereEra.Year2026 => new(
                    InvalidKeyToday(fixtures),
                    // The 2026 list was captured only cut off (CA-403-free-model-anthropic-messages): 2025's text.
                    ModelListToday(fixtures),
                    ModelListToday(fixtures),
                    new(fixtures.Template("CA-403-prompt-4096-apikey-qq-suffix", PromptSampleMask)),
                    BalanceToday(fixtures), PerModelLimit2026(fixtures), dailyLimit),
                _ => throw new ArgumentOutOfRangeException(nameof(era), era, "No such era."),
            };
        }

        public CannedAnswer InvalidKey(string key) => _invalidKey.For(key);

        /// <param name="legacyCompletionsPath">POST /v1/completions, refused to free keys with the model-list text.</param>
        public CannedAnswer ModelNotInFreePlan(string key, bool legacyCompletionsPath) =>
            (legacyCompletionsPath ? _modelNotInFreePlanOnLegacyPath : _modelNotInFreePlan).For(key);

        public CannedAnswer PromptTooLongForFreePlan(string key) => _promptTooLong.For(key);

        /// <summary>The status was never captured with the text: 403 as in CA-403-balance-preauth unless the key entry says.</summary>
        public CannedAnswer BalanceTooLow(string key, int status) => _balanceSampleMask is null
            ? _balanceTooLowByStatus.GetOrAdd(status, static (code, message) => ChatAnywhereErrorEnvelope.Answer(message, code), _balanceTooLowMessage)
            : ChatAnywhereErrorEnvelope.Answer(CapturedText.Swap(_balanceTooLowMessage, _balanceSampleMask, ChatAnywhereKeyMask.Mask(key)), status);

        /// <summary>A free key past one model's own daily cap: 429, as both captures of it.</summary>
        public CannedAnswer ModelDailyLimitReached(string model, int limit) =>
            _modelDailyLimitAnswers.GetOrAdd((model, limit), static (slot, text) =>
                ChatAnywhereErrorEnvelope.Answer(text(slot.Model, slot.Limit), StatusCodes.Status429TooManyRequests), _modelDailyLimitMessage);

        // CA-401-invalid-key-measured (2026-09), rebuilt around its elided middle (Resources/responses.json).
        private static KeyEchoingAnswer InvalidKeyToday(FixtureCatalog fixtures) =>
            new(fixtures.Template("CA-401-invalid-key-measured", InvalidKeySampleMask));

        // CA-403-free-models-2025-apikey-suffix: the capture ends after 'param'; the envelope is completed in Resources/responses.json.
        private static KeyEchoingAnswer ModelListToday(FixtureCatalog fixtures) =>
            new(fixtures.Template("CA-403-free-models-2025-apikey-suffix", ModelListSampleMask));

        // CA-balance-low-apikey-via-gateway: the reviewer's elisions ("...") are kept, not filled (Resources/responses.json).
        private static (string, string?) BalanceToday(FixtureCatalog fixtures) =>
            (ChatAnywhereErrorEnvelope.MessageOf(fixtures.Get("CA-balance-low-apikey-via-gateway").WireBody), BalanceSampleMask);

        // CA-429-per-model-3-per-day-2025: "该模型…每日3次…limited to 3 requests per day"; the model is not named.
        private static Func<string, int, string> PerModelLimit2025(FixtureCatalog fixtures)
        {
            string captured = ChatAnywhereErrorEnvelope.MessageOf(fixtures.Get("CA-429-per-model-3-per-day-2025").WireBody);
            return (_, limit) => CapturedText.Swap(
                CapturedText.Swap(captured, "每日3次", $"每日{Count(limit)}次"), "limited to 3 requests", $"limited to {Count(limit)} requests");
        }

        // CA-429-per-model-named-gpt5-nano: "gpt-5-nano-ca模型免费API限制每日200次请求，请00:00后再试", all that was captured.
        private static Func<string, int, string> PerModelLimit2026(FixtureCatalog fixtures)
        {
            string captured = ChatAnywhereErrorEnvelope.MessageOf(fixtures.Get("CA-429-per-model-named-gpt5-nano").WireBody);
            return (model, limit) => CapturedText.Swap(
                CapturedText.Swap(captured, "gpt-5-nano-ca模型", model + "模型"), "每日200次", $"每日{Count(limit)}次");
        }

        private static string Count(int limit) => limit.ToString(CultureInfo.InvariantCulture);
    }
}

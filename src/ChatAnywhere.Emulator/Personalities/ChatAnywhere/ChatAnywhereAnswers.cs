using System;
using System.Collections.Concurrent;
using ChatAnywhere.Emulator.Fixtures;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>ChatAnywhere's error answers, built once from the fixture catalogue (the corpus and Resources/responses.json).</summary>
    public sealed class ChatAnywhereAnswers
    {
        private readonly string _suspendedMessage;
        private readonly string _balanceTooLowMessage;
        private readonly ConcurrentDictionary<int, CannedAnswer> _suspendedByStatus = new();
        private readonly ConcurrentDictionary<int, CannedAnswer> _balanceTooLowByStatus = new();

        public ChatAnywhereAnswers(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            MissingOrMalformedKey = fixtures.Answer("CA-401-tengine-missing-sk");
            InvalidKey = fixtures.Template("CA-401-invalid-key-measured", "sk-Emu****0003");
            _suspendedMessage = ChatAnywhereErrorEnvelope.MessageOf(fixtures.Get("CA-key-suspended").WireBody);
            _balanceTooLowMessage = ChatAnywhereErrorEnvelope.MessageOf(fixtures.Get("CA-balance-too-low").WireBody);
            DailyLimitReached = fixtures.Answer("CA-429-free-200-per-day");
            ModelNotInFreePlan = fixtures.Answer("CA-403-free-model-whitelist-completions");
            PromptTooLongForFreePlan = fixtures.Answer("CA-403-free-prompt-4096-com-cn");
            BodyNotJson = fixtures.Answer("CA-400-bad-json");
            UnknownPath = fixtures.Answer("EMU-CA-404-nginx-wrong-path");
            OkErrorFrame = System.Text.Encoding.UTF8.GetBytes(fixtures.Get("CA-stream-200-ok-error-frame").WireBody);
        }

        /// <summary>The error-shaped "200 OK" frame seen in ChatAnywhere streams (CA-stream-200-ok-error-frame): the JSON of one data line.</summary>
        public byte[] OkErrorFrame { get; }

        /// <summary>No Authorization header, or a value without "sk-": the Tengine front end's HTML 401.</summary>
        public CannedAnswer MissingOrMalformedKey { get; }

        /// <summary>An unknown key; the template swaps in the mask of the key sent.</summary>
        public FixtureTemplate InvalidKey { get; }

        public CannedAnswer DailyLimitReached { get; }

        public CannedAnswer ModelNotInFreePlan { get; }

        public CannedAnswer PromptTooLongForFreePlan { get; }

        public CannedAnswer BodyNotJson { get; }

        /// <summary>Over the emulator's body cap: no capture, so the status alone.</summary>
        public CannedAnswer BodyTooLarge { get; } = CannedAnswer.Empty(StatusCodes.Status413PayloadTooLarge);

        /// <summary>A path ChatAnywhere does not serve: its front nginx's HTML 404 (WEB-404-nginx-chatanywhere-wrong-path).</summary>
        public CannedAnswer UnknownPath { get; }

        /// <summary>CA-key-suspended; its status was not captured (401 unless the key entry says).</summary>
        public CannedAnswer Suspended(int status) =>
            _suspendedByStatus.GetOrAdd(status, static (code, message) => ChatAnywhereErrorEnvelope.Answer(message, code), _suspendedMessage);

        /// <summary>CA-balance-too-low; 403 as in CA-403-balance-preauth unless the key entry says.</summary>
        public CannedAnswer BalanceTooLow(int status) =>
            _balanceTooLowByStatus.GetOrAdd(status, static (code, message) => ChatAnywhereErrorEnvelope.Answer(message, code), _balanceTooLowMessage);
    }
}

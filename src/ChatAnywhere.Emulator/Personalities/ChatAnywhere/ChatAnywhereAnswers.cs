using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Linq;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.ChatAnywhere
{
    /// <summary>
    /// ChatAnywhere's error answers, built once from the fixture catalogue (the corpus and Resources/responses.json):
    /// those captured in one form only, and per era (<see cref="ChatAnywhereEra"/>) those whose wording changed.
    /// </summary>
    public sealed class ChatAnywhereAnswers
    {
        private readonly string _suspendedMessage;
        private readonly ConcurrentDictionary<int, CannedAnswer> _suspendedByStatus = new();
        private readonly FrozenDictionary<ChatAnywhereEra, ChatAnywhereEraAnswers> _byEra;

        public ChatAnywhereAnswers(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            MissingOrMalformedKey = fixtures.Answer("CA-401-tengine-missing-sk");
            _suspendedMessage = ChatAnywhereErrorEnvelope.MessageOf(fixtures.Get("CA-key-suspended").WireBody);
            BodyNotJson = fixtures.Answer("CA-400-bad-json");
            UnknownPath = fixtures.Answer("EMU-CA-404-nginx-wrong-path");
            OkErrorFrame = System.Text.Encoding.UTF8.GetBytes(fixtures.Get("CA-stream-200-ok-error-frame").WireBody);
            _byEra = Enum.GetValues<ChatAnywhereEra>().ToFrozenDictionary(era => era, era => ChatAnywhereEraAnswers.For(fixtures, era));
        }

        /// <summary>The error-shaped "200 OK" frame seen in ChatAnywhere streams (CA-stream-200-ok-error-frame): the JSON of one data line.</summary>
        public byte[] OkErrorFrame { get; }

        /// <summary>No Authorization header, or a value without "sk-": the Tengine front end's HTML 401.</summary>
        public CannedAnswer MissingOrMalformedKey { get; }

        /// <summary>The only captured ChatAnywhere parse error (CA-400-bad-json), in every era.</summary>
        public CannedAnswer BodyNotJson { get; }

        /// <summary>Over the emulator's body cap: no capture, so the status alone.</summary>
        public CannedAnswer BodyTooLarge { get; } = CannedAnswer.Empty(StatusCodes.Status413PayloadTooLarge);

        /// <summary>A path ChatAnywhere does not serve: its front nginx's HTML 404 (WEB-404-nginx-chatanywhere-wrong-path).</summary>
        public CannedAnswer UnknownPath { get; }

        public ChatAnywhereEraAnswers For(ChatAnywhereEra era) => _byEra[era];

        /// <summary>CA-key-suspended (2023, the only capture); its status was not captured (401 unless the key entry says).</summary>
        public CannedAnswer Suspended(int status) =>
            _suspendedByStatus.GetOrAdd(status, static (code, message) => ChatAnywhereErrorEnvelope.Answer(message, code), _suspendedMessage);
    }
}

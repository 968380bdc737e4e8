using System;
using ChatAnywhere.Emulator.Fixtures;

namespace ChatAnywhere.Emulator.Personalities.OpenAI
{
    /// <summary>OpenAI's error answers, built once from the fixture catalogue (the corpus and Resources/responses.json).</summary>
    public sealed class OpenAIAnswers
    {
        public OpenAIAnswers(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            NoKey = fixtures.Answer("OA-401-no-key");
            IncorrectKey = fixtures.Template("OA-401-incorrect-key-ca-key-2023", "sk-VKMIs***************************************wjh3");
            InvalidUrl = fixtures.Template("OA-404-invalid-url", "POST /v1/chat/completions");
            UnknownModel = fixtures.Template("OA-404-model-not-found-no-access", "`gpt-4`");
            InsufficientQuota = fixtures.Answer("OA-429-insufficient-quota");
            AccountDeactivated = fixtures.Answer("OA-401-account-deactivated-code");
        }

        public CannedAnswer NoKey { get; }

        /// <summary>The template swaps in the mask of the key sent.</summary>
        public FixtureTemplate IncorrectKey { get; }

        /// <summary>The template swaps in "METHOD /path" of the request.</summary>
        public FixtureTemplate InvalidUrl { get; }

        /// <summary>A chat with a model OpenAI does not have (or the key may not use): OA-404-model-not-found-no-access, the model named.</summary>
        public FixtureTemplate UnknownModel { get; }

        /// <summary>A known key whose account has no credit left: OpenAI's 429 insufficient_quota (OA-429-insufficient-quota).</summary>
        public CannedAnswer InsufficientQuota { get; }

        /// <summary>A known key whose account was deactivated: 401 account_deactivated (OA-401-account-deactivated-code).</summary>
        public CannedAnswer AccountDeactivated { get; }
    }
}

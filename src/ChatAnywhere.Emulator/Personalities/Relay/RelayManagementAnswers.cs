using System;
using ChatAnywhere.Emulator.Fixtures;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>The token API's refusals, built once from the fixture catalogue (relay-admin-api.md §1, §2).</summary>
    public sealed class RelayManagementAnswers
    {
        public RelayManagementAnswers(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            NotLoggedIn = fixtures.Answer("EMU-ONE-mgmt-401-not-logged-in");
            AccessTokenInvalid = fixtures.Answer("ONE-mgmt-200-access-token-invalid");
            UserBanned = fixtures.Answer("EMU-ONE-mgmt-200-user-banned");
            NewApiUserMissing = fixtures.Answer("NEW-mgmt-401-missing-new-api-user");
            NewApiUserMalformed = fixtures.Answer("EMU-NEW-mgmt-401-new-api-user-malformed");
            NewApiUserMismatch = fixtures.Answer("EMU-NEW-mgmt-401-new-api-user-mismatch");
            AuthUnauthorized = fixtures.Answer("EMU-NEW-mgmt-401-auth-unauthorized");
            AuthUserDisabled = fixtures.Answer("EMU-NEW-mgmt-401-auth-user-disabled");
            ExpiredCannotEnable = fixtures.Answer("EMU-RELAY-mgmt-200-expired-cannot-enable");
            ExhaustedCannotEnable = fixtures.Answer("EMU-RELAY-mgmt-200-exhausted-cannot-enable");
            MaxTokens = fixtures.Template("EMU-NEW-mgmt-200-max-tokens", "10");
            RecordNotFound = fixtures.Answer("EMU-RELAY-mgmt-200-record-not-found");
            BadRequest = fixtures.Answer("EMU-RELAY-mgmt-200-bad-request");
            PageNotFound = fixtures.Answer("EMU-RELAY-404-page-not-found");
        }

        public CannedAnswer NotLoggedIn { get; }

        public CannedAnswer AccessTokenInvalid { get; }

        public CannedAnswer UserBanned { get; }

        public CannedAnswer NewApiUserMissing { get; }

        public CannedAnswer NewApiUserMalformed { get; }

        public CannedAnswer NewApiUserMismatch { get; }

        /// <summary>new-api now: no access token, or one it does not know (no New-Api-User check).</summary>
        public CannedAnswer AuthUnauthorized { get; }

        /// <summary>new-api now: the access token's user is disabled.</summary>
        public CannedAnswer AuthUserDisabled { get; }

        /// <summary>PUT /api/token/ enabling a token that is expired and past its expired_time.</summary>
        public CannedAnswer ExpiredCannotEnable { get; }

        /// <summary>PUT /api/token/ enabling a limited token that is exhausted and has no quota left.</summary>
        public CannedAnswer ExhaustedCannotEnable { get; }

        /// <summary>The template swaps in the cap.</summary>
        public FixtureTemplate MaxTokens { get; }

        /// <summary>An id that is unknown, another user's or deleted.</summary>
        public CannedAnswer RecordNotFound { get; }

        /// <summary>A body or id the route cannot read.</summary>
        public CannedAnswer BadRequest { get; }

        /// <summary>gin's answer to a route that does not exist.</summary>
        public CannedAnswer PageNotFound { get; }
    }
}

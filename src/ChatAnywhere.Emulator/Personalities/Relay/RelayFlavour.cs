using System;
using ChatAnywhere.Emulator.Fixtures;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>What tells one relay software (or version) from another: its mount point, its answers, its headers, its token API.</summary>
    public sealed class RelayFlavour
    {
        private RelayFlavour()
        {
        }

        public required string Name { get; init; }

        public required PathString Prefix { get; init; }

        /// <summary>GET /api/status.</summary>
        public required CannedAnswer Status { get; init; }

        /// <summary>The release this mount stands for; it picks the data plane's checks and UserAuth.</summary>
        public required RelayEra Era { get; init; }

        /// <summary>A relay route called without a token.</summary>
        public required RelayRefusal NoToken { get; init; }

        /// <summary>A relay route called with a token the relay does not know.</summary>
        public required RelayRefusal InvalidToken { get; init; }

        /// <summary>A known token whose status is not enabled.</summary>
        public required RelayRefusal TokenDisabled { get; init; }

        public required RelayRefusal TokenExpired { get; init; }

        public required RelayRefusal TokenExhausted { get; init; }

        /// <summary>The X-New-Api-Version value new-api sends; null for one-api.</summary>
        public string? VersionHeader { get; init; }

        public required RelayDialect Dialect { get; init; }

        public required RelayPaging Paging { get; init; }

        /// <summary>Lists and gets show masked keys; POST /api/token/{id}/key reveals one (new-api now).</summary>
        public bool HidesKeys { get; init; }

        /// <summary>one-api (songquanpeng/one-api).</summary>
        public static RelayFlavour OneApi(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            return new RelayFlavour
            {
                Name = "one-api",
                Era = RelayEra.OneApi,
                Prefix = new PathString("/relay/one-api"),
                Status = fixtures.Answer("EMU-ONE-api-status"),
                NoToken = RelayRefusal.FromFixture(fixtures.Answer("ONE-401-no-token-measured")),
                InvalidToken = RelayRefusal.FromFixture(fixtures.Answer("ONE-401-invalid-token-measured")),
                TokenDisabled = RelayRefusal.FromFixture(fixtures.Answer("EMU-ONE-401-token-disabled")),
                TokenExpired = RelayRefusal.FromFixture(fixtures.Answer("EMU-ONE-401-token-expired")),
                TokenExhausted = RelayRefusal.FromFixture(fixtures.Answer("EMU-ONE-401-token-exhausted")),
                Dialect = RelayDialect.OneApi,
                Paging = RelayPaging.ZeroBasedTen,
            };
        }

        /// <summary>
        /// new-api (QuantumNous/new-api) as it is now: masked keys and a reveal route, every token failure
        /// on relay routes collapsed to the invalid-token answer (relay-admin-api.md §3), UserAuth without
        /// New-Api-User and with AUTH_* codes (§1, §7). The live relay measured sent X-New-Api-Version (§4).
        /// </summary>
        public static RelayFlavour NewApi(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            RelayRefusal invalidToken = RelayRefusal.FromFixture(fixtures.Answer("EMU-NEW-401-invalid-token"));
            return new RelayFlavour
            {
                Name = "new-api",
                Era = RelayEra.NewApiNow,
                Prefix = new PathString("/relay/new-api"),
                Status = fixtures.Answer("EMU-NEW-api-status"),
                NoToken = RelayRefusal.FromFixture(fixtures.Answer("NEW-401-no-token-measured")),
                InvalidToken = invalidToken,
                TokenDisabled = invalidToken,
                TokenExpired = invalidToken,
                TokenExhausted = invalidToken,
                VersionHeader = "v1.0.0-rc.39",
                Dialect = RelayDialect.NewApi,
                Paging = RelayPaging.OneBasedEnvelope,
                HidesKeys = true,
            };
        }

        /// <summary>new-api as of 2025-04 (Calcium-Ion/new-api ef8ae4db): full keys, no reveal route, a message per token failure, New-Api-User required.</summary>
        public static RelayFlavour NewApi2025(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            return new RelayFlavour
            {
                Name = "new-api-2025",
                Era = RelayEra.NewApi2025,
                Prefix = new PathString("/relay/new-api-2025"),
                Status = fixtures.Answer("EMU-NEW-api-status"),
                NoToken = RelayRefusal.FromFixture(fixtures.Answer("NEW-401-no-token-measured")),
                InvalidToken = RelayRefusal.FromFixture(fixtures.Answer("EMU-NEW-401-invalid-token")),
                TokenDisabled = RelayRefusal.FromFixture(fixtures.Answer("EMU-NEW-401-token-disabled")),
                TokenExpired = RelayRefusal.FromFixture(fixtures.Answer("EMU-NEW-401-token-expired")),
                TokenExhausted = RelayRefusal.FromFixture(fixtures.Answer("EMU-NEW-401-token-exhausted")),
                Dialect = RelayDialect.NewApi,
                Paging = RelayPaging.ZeroBasedSized,
            };
        }
    }
}

using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// The scenario's optional <c>"relay"</c>: the user of the one-api / new-api relays under /relay and
    /// the tokens every relay mount starts with (relay-admin-api.md §1, §2, §5). Null: no user, no tokens.
    /// </summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record RelayDefinition
    {
        public string? Note { get; set; }

        /// <summary>The user's access token for /api/* (one-api: 32 hex characters from GET /api/user/token).</summary>
        public string? AccessToken { get; set; }

        /// <summary>The user's id; new-api compares the New-Api-User header with it.</summary>
        public int UserId { get; set; } = 1;

        /// <summary>
        /// Seconds the data plane keeps accepting a token after it was disabled or deleted: one-api's Redis
        /// token cache lives SYNC_FREQUENCY (default 600 s) and is not evicted; new-api's about 60 s (§5).
        /// </summary>
        public int RevocationCacheSec { get; set; }

        /// <summary>Seconds a token created through the API stays unknown to the data plane (replicated databases, §5).</summary>
        public int NewTokenDelaySec { get; set; }

        /// <summary>new-api's per-user token cap; 0: none.</summary>
        public int MaxTokens { get; set; }

        /// <summary>
        /// The user is an admin: the data plane lets a key with a "-N" channel suffix pin channel N instead of
        /// refusing it with 普通用户不支持指定渠道 (relay-admin-api.md §7). Other users are never admins.
        /// </summary>
        public bool UserIsAdmin { get; set; }

        /// <summary>Every management call answers 用户已被封禁 (new-api now: 401 AUTH_USER_DISABLED).</summary>
        public bool UserBanned { get; set; }

        /// <summary>Quota one served chat completion spends from its token (500000 is one dollar at the default quota_per_unit).</summary>
        public long QuotaPerRequest { get; set; } = 5000;

        public IReadOnlyList<RelayTokenDefinition> Tokens { get; set; } = [];
    }
}

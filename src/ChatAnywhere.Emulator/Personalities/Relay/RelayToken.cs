using System;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// One token of a relay mount as it stands now, deleted ones included (they stay for the revocation
    /// cache and the control endpoint). Immutable: the store swaps in a changed copy.
    /// </summary>
    public sealed record RelayToken
    {
        public required int Id { get; init; }

        public required int UserId { get; init; }

        /// <summary>Stored form: 48 letters and digits, no "sk-".</summary>
        public required string Key { get; init; }

        /// <summary>1 enabled, 2 disabled, 3 expired, 4 exhausted.</summary>
        public required int Status { get; init; }

        public required RelayTokenSettings Settings { get; init; }

        /// <summary>Quota spent; what the billing routes and /api/usage/token/ report as used.</summary>
        public long UsedQuota { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        /// <summary>True for tokens made through POST /api/token/ (newTokenDelaySec applies to them only).</summary>
        public bool CreatedThroughApi { get; init; }

        /// <summary>When the status last left 1 through the API; null while enabled or when seeded so.</summary>
        public DateTimeOffset? DisabledAt { get; init; }

        public DateTimeOffset? DeletedAt { get; init; }

        public bool IsDeleted => DeletedAt is not null;
    }
}

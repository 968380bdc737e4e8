namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>One token a relay mount starts with (field meanings: relay-admin-api.md §2, "Request fields").</summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record RelayTokenDefinition
    {
        public int Id { get; set; }

        /// <summary>The owner; null: the relay's user. Tokens of other users are invisible to the API.</summary>
        public int? UserId { get; set; }

        public string? Name { get; set; }

        /// <summary>"sk-" and 48 letters and digits; the relays store it without "sk-".</summary>
        public string? Key { get; set; }

        /// <summary>1 enabled, 2 disabled, 3 expired, 4 exhausted.</summary>
        public int Status { get; set; } = 1;

        public long RemainQuota { get; set; }

        /// <summary>Quota already spent when the scenario starts; the data plane's chat calls add to it.</summary>
        public long UsedQuota { get; set; }

        public bool UnlimitedQuota { get; set; }

        /// <summary>Unix seconds; -1: never.</summary>
        public long ExpiredTime { get; set; } = -1;

        /// <summary>Comma list of models the token may use (one-api "models", new-api "model_limits"); empty or null: any.</summary>
        public string? Models { get; set; }

        /// <summary>one-api "subnet", new-api "allow_ips".</summary>
        public string? AllowIps { get; set; }

        /// <summary>new-api's token group.</summary>
        public string? Group { get; set; }

        public string? Note { get; set; }
    }
}

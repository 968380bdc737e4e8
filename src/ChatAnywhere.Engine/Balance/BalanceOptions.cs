using System;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>How balances are asked for.</summary>
    internal sealed class BalanceOptions
    {
        /// <summary>The longest one HTTP attempt may take.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Retries after the first attempt, for transient failures only.</summary>
        public int MaxRetries { get; set; } = 2;

        /// <summary>Which software serves the balance; Auto detects it.</summary>
        public RelayBackend Backend { get; set; } = RelayBackend.Auto;

        /// <summary>When set, usage over this many hours is read too.</summary>
        public int? UsageHours { get; set; }

        /// <summary>ChatAnywhere's model pattern for usage (SQL LIKE, % any); null: every model.</summary>
        public string? UsageModel { get; set; }

        /// <summary>A key whose Remaining is below this is low; null: no threshold.</summary>
        public decimal? MinimumRemaining { get; set; }

        /// <summary>The most body bytes read per answer.</summary>
        public int BodyLimit { get; set; } = Http.BoundedBodyReader.DefaultLimit;
    }
}

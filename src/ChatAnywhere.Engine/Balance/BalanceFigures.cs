using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Balance
{
    /// <summary>What a reader understood of a balance answer, in the unit it names, with notes on how it read it.</summary>
    internal sealed class BalanceFigures
    {
        public decimal? Total { get; set; }

        public decimal? Used { get; set; }

        public decimal? Remaining { get; set; }

        public BalanceUnit Unit { get; set; }

        public bool Unlimited { get; set; }

        /// <summary>UTC; null: never, or not said.</summary>
        public DateTime? ExpiresAt { get; set; }

        /// <summary>How the figures were read: units, conversions, fields missing.</summary>
        public List<string> Notes { get; } = new List<string>();

        /// <summary>Fills the one of Total, Used, Remaining that is missing when the other two are there.</summary>
        public void Complete()
        {
            if (Remaining is null && Total is not null && Used is not null)
            {
                Remaining = Total - Used;
            }
            else if (Total is null && Remaining is not null && Used is not null)
            {
                Total = Remaining + Used;
            }
            else if (Used is null && Total is not null && Remaining is not null)
            {
                Used = Total - Remaining;
            }
        }

        /// <summary>The state the figures show, at <paramref name="now"/>.</summary>
        public BalanceState StateAt(DateTimeOffset now)
        {
            if (ExpiresAt is { } expires && expires < now.UtcDateTime)
            {
                return BalanceState.Expired;
            }

            return !Unlimited && Remaining is { } left && left <= 0 ? BalanceState.Exhausted : BalanceState.Active;
        }
    }
}

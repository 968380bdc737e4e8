namespace ChatAnywhere
{
    /// <summary>What the balance says about the key.</summary>
    public enum BalanceState
    {
        /// <summary>Nothing conclusive came back (a network failure, an answer not understood): read Diagnosis.</summary>
        Unknown = 0,

        /// <summary>The key is accepted and has money or quota left (or no limit).</summary>
        Active,

        /// <summary>Nothing is left.</summary>
        Exhausted,

        /// <summary>The key's expiry date has passed.</summary>
        Expired,

        /// <summary>The key is known but switched off (disabled, suspended, its user banned).</summary>
        Disabled,

        /// <summary>The backend does not know the key, or the key cannot be a key.</summary>
        Invalid,
    }
}

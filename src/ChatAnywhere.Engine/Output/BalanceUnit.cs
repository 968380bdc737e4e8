namespace ChatAnywhere
{
    /// <summary>
    /// What a balance is counted in. Said only when the backend says it: no figure is taken for dollars
    /// because a field is named "_usd" (docs/reference/balance-usage.md §3).
    /// </summary>
    public enum BalanceUnit
    {
        /// <summary>The answer did not say (ChatAnywhere's balance, a relay whose /api/status could not be read).</summary>
        Unknown = 0,

        /// <summary>US dollars.</summary>
        USD,

        /// <summary>Chinese yuan (new-api's CNY display type).</summary>
        CNY,

        /// <summary>The relay's raw quota units (new-api's TOKENS display type, one-api without currency display).</summary>
        Tokens,
    }
}

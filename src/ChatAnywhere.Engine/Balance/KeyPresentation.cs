namespace ChatAnywhere.Engine.Balance
{
    /// <summary>How a request carries the key in its Authorization header.</summary>
    internal enum KeyPresentation
    {
        /// <summary>No Authorization header (a relay's public /api/status).</summary>
        None = 0,

        /// <summary>The bare key, as ChatAnywhere's balance page and its documented usage query send it (balance-usage.md §1).</summary>
        Bare,

        /// <summary>"Bearer " and the key; new-api's /api/usage/token/ accepts nothing else (balance-usage.md §3).</summary>
        Bearer,
    }
}

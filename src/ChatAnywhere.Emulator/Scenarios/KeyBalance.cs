namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// A ChatAnywhere key's balance for POST /v1/query/balance (balance-usage.md §1.2). The real answer was
    /// never captured: the figures go into the field names clients type (balanceTotal, balanceUsed), in no
    /// named currency. Each chat completion the data plane serves adds <see cref="CostPerRequest"/> to Used,
    /// and a key whose Used reaches Total is refused as balance-too-low.
    /// </summary>
    /// <remarks>Settable, not init-only: see <see cref="Scenario"/>.</remarks>
    public sealed record KeyBalance
    {
        public decimal Total { get; set; }

        /// <summary>Spent when the scenario starts; the data plane's calls add to it.</summary>
        public decimal Used { get; set; }

        public decimal CostPerRequest { get; set; } = 0.01m;

        /// <summary>Which form of answer the balance route gives (partial and malformed ones for tests of the reader).</summary>
        public BalanceAnswerShape Answer { get; set; } = BalanceAnswerShape.Full;
    }
}

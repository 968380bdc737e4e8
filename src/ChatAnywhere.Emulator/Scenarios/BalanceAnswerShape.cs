namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>How the emulated balance route answers (Resources/responses.json, EMU-CA-balance-*).</summary>
    public enum BalanceAnswerShape
    {
        /// <summary>Every field clients type: id, apiKey (masked), adminKeyId, balanceTotal, balanceUsed, status.</summary>
        Full,

        /// <summary>balanceTotal without balanceUsed.</summary>
        Partial,

        /// <summary>A body cut off in the middle of the JSON.</summary>
        Malformed,

        /// <summary>No figures at all, as a key without a balance (a free key) might get.</summary>
        NoBalance,
    }
}

using System;

namespace ChatAnywhere.Emulator.Limits
{
    /// <summary>One hour of one model's use by one key.</summary>
    public sealed record SpendingRow(DateTimeOffset Hour, string Model, long PromptTokens, long CompletionTokens, long Count, decimal Cost);
}

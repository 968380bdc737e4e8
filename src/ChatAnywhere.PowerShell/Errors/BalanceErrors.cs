using System;
using System.Globalization;
using System.Management.Automation;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.PowerShell.Errors
{
    /// <summary>Get-ApiKeyBalance's ErrorRecords: a fault on one key, and the low-balance alert.</summary>
    internal static class BalanceErrors
    {
        public static ErrorRecord CheckFailed(KeyInspection key, string redactedMessage) =>
            new ErrorRecord(new InvalidOperationException($"Reading the balance of key {key.Masked} failed: {redactedMessage}"), "ApiKeyBalanceFailed", ErrorCategory.NotSpecified, key.Masked);

        /// <summary>
        /// Non-terminating, so a scheduled task sees every low key in $Error and the other keys still
        /// come out; the target is the result, which holds only the masked key.
        /// </summary>
        public static ErrorRecord LowBalance(ApiKeyBalance balance, decimal minimum)
        {
            var message = string.Format(
                CultureInfo.InvariantCulture,
                "Key {0} has {1} {2} left, below the minimum of {3} {2}.",
                balance.Key,
                balance.Remaining,
                balance.Unit,
                minimum);
            var record = new ErrorRecord(new InvalidOperationException(message), "LowBalance", ErrorCategory.LimitsExceeded, balance);
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Top up the key, or move work to a key with more left." };
            return record;
        }
    }
}

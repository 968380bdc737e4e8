using System;
using System.Management.Automation;
using ChatAnywhere.Engine.Keys;

namespace ChatAnywhere.PowerShell.Errors
{
    /// <summary>
    /// A fault of the module on one key (not a verdict about the key): reported against that key
    /// so the other keys go on. The message is redacted by the caller.
    /// </summary>
    internal static class KeyFaultErrors
    {
        public static ErrorRecord TestFailed(KeyInspection key, string redactedMessage) =>
            Fault($"Testing key {key.Masked} failed: {redactedMessage}", "ApiKeyTestFailed", key);

        public static ErrorRecord WaitFailed(KeyInspection key, string redactedMessage) =>
            Fault($"Waiting for key {key.Masked} failed: {redactedMessage}", "KeyActivationFailed", key);

        private static ErrorRecord Fault(string message, string errorId, KeyInspection key) =>
            new ErrorRecord(new InvalidOperationException(message), errorId, ErrorCategory.NotSpecified, key.Masked);
    }
}

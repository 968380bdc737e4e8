using System;
using System.Management.Automation;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.PowerShell.Errors
{
    /// <summary>The ErrorRecords for input a command cannot use: a bad argument, an empty key, a bad base URL.</summary>
    internal static class InputErrors
    {
        /// <summary>What every command says about a key that is empty once cleaned.</summary>
        public const string EmptyKeyMessage = "The key is empty (or only whitespace and quotes).";

        public static ErrorRecord BadArgument(string errorId, string message, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

        public static ErrorRecord EmptyKey() => BadArgument("EmptyApiKey", EmptyKeyMessage, null);

        /// <summary>A piped object that has no ApiKey or Key property: that row is skipped, never given the environment's key.</summary>
        public static ErrorRecord KeyMissingFromInput() => new ErrorRecord(
            new ArgumentException("The piped object has no ApiKey or Key property, so this row was skipped. The environment's key is used only when nothing is piped in: name the key column ApiKey or Key."),
            "ApiKeyMissingFromInput",
            ErrorCategory.InvalidData,
            null);

        /// <summary>A key that must not be sent anywhere, such as a masked copy; the message says why.</summary>
        public static ErrorRecord MalformedKey(string message, string masked) => new ErrorRecord(
            new ArgumentException(message),
            "MalformedKey",
            ErrorCategory.InvalidArgument,
            masked);

        /// <summary>A base URL that cannot be parsed, or that would send a key over plain http; the target shows it without credentials or query.</summary>
        public static ErrorRecord BadBaseUri(string? problem, bool insecure, string? text) =>
            new ErrorRecord(
                new ArgumentException(problem),
                insecure ? "UnencryptedAuthenticationRefused" : "InvalidBaseUri",
                insecure ? ErrorCategory.SecurityError : ErrorCategory.InvalidArgument,
                ServiceEndpoint.Echo(text));
    }
}

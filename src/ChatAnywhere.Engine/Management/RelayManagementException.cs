using System;

namespace ChatAnywhere.Engine.Management
{
    /// <summary>
    /// A management call the relay refused or could not answer. The message names the operation
    /// and quotes the relay's own message; it never holds a key or the access token.
    /// </summary>
    internal sealed class RelayManagementException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public RelayManagementException(string operation, ManagementFailure failure, int? statusCode, string? serverMessage, string advice, Exception? innerException = null)
            : base(Compose(operation, statusCode, serverMessage), innerException)
        {
            Operation = operation;
            Failure = failure;
            StatusCode = statusCode;
            ServerMessage = serverMessage;
            Advice = advice;
        }

        /// <summary>What was being done ("create the replacement token").</summary>
        public string Operation { get; }

        /// <summary>Why it failed.</summary>
        public ManagementFailure Failure { get; }

        /// <summary>The HTTP status, null when no answer came.</summary>
        public int? StatusCode { get; }

        /// <summary>The relay's message as it sent it, or what went wrong on the way.</summary>
        public string? ServerMessage { get; }

        /// <summary>What the user can do about it.</summary>
        public string Advice { get; }

        private static string Compose(string operation, int? statusCode, string? serverMessage)
        {
            var said = string.IsNullOrEmpty(serverMessage) ? "no message" : $"'{serverMessage}'";
            return statusCode is int status
                ? $"Could not {operation}: the relay answered HTTP {status} with {said}."
                : $"Could not {operation}: {serverMessage ?? "no answer"}.";
        }
    }
}

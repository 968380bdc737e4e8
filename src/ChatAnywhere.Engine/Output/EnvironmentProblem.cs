namespace ChatAnywhere
{
    /// <summary>
    /// One thing wrong with the key or base URL a client would use (Get-ApiKeyEnvironment). The codes are
    /// stable and documented in Get-Help Get-ApiKeyEnvironment and docs/client-environment.md.
    /// </summary>
    public sealed class EnvironmentProblem
    {
        /// <summary>Creates a problem.</summary>
        public EnvironmentProblem(string code, string message, string fix)
        {
            Code = code;
            Message = message;
            Fix = fix;
        }

        /// <summary>A stable code, e.g. RelayKeySentToOpenAI.</summary>
        public string Code { get; }

        /// <summary>What is wrong, naming the variable or file line.</summary>
        public string Message { get; }

        /// <summary>What to do.</summary>
        public string Fix { get; }

        /// <inheritdoc/>
        public override string ToString() => Code;
    }
}

namespace ChatAnywhere
{
    /// <summary>What kind of key a value is, judged from its text alone (Get-ApiKeyEnvironment).</summary>
    public enum ApiKeyShape
    {
        /// <summary>No known shape.</summary>
        Other = 0,

        /// <summary>sk- and 48 letters and digits: ChatAnywhere, one-api and new-api keys.</summary>
        Relay,

        /// <summary>One of OpenAI's key shapes (sk-proj-, sk-svcacct-, sk-admin-, legacy).</summary>
        OpenAI,

        /// <summary>Not a usable key: whitespace, quotes, invisible or full-width characters inside.</summary>
        Malformed,
    }
}

using System;
using System.Collections.Generic;
using System.Security;

namespace ChatAnywhere
{
    /// <summary>
    /// The key and base URL one client would use on this machine, where it would find them, and what is
    /// wrong with them. Pipe it to Test-ApiKey to test the pair as that client would send it.
    /// </summary>
    public sealed class ApiKeyEnvironment
    {
        /// <summary>The client, e.g. "openai-python 1.3+".</summary>
        public string Client { get; set; } = string.Empty;

        /// <summary>The key, masked (first 3 and last 4 characters).</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>16 hex digits of the key's SHA-256, to correlate keys without the plaintext.</summary>
        public string KeyFingerprint { get; set; } = string.Empty;

        /// <summary>What kind of key it is.</summary>
        public ApiKeyShape KeyShape { get; set; }

        /// <summary>Where the client finds the key, e.g. "env:OPENAI_API_KEY (Process)" or "./.env line 3".</summary>
        public string KeySource { get; set; } = string.Empty;

        /// <summary>The base URL the client would call: its variable's value, else its default.</summary>
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>Where the base URL comes from, or "(default)".</summary>
        public string BaseUriSource { get; set; } = string.Empty;

        /// <summary>What is wrong, most serious first; empty when nothing is.</summary>
        public IReadOnlyList<EnvironmentProblem> Problems { get; set; } = Array.Empty<EnvironmentProblem>();

        /// <summary>The key as the client would send it, for Test-ApiKey (hidden from views).</summary>
        public SecureString? ApiKey { get; set; }

        /// <summary>When this was read (UTC).</summary>
        public DateTime CheckedAt { get; set; }

        /// <inheritdoc/>
        public override string ToString() => Client + ": " + Key + " -> " + BaseUri;
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.PowerShell.Completion;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// What the commands that probe keys share: -ApiKey from the pipeline or the environment,
    /// -BaseUri (each distinct one parsed once), -Model, and turning one input into a key and an
    /// endpoint or an ErrorRecord that lets the other keys go on.
    /// </summary>
    public abstract class KeyCommandBase : ConnectedCommandBase
    {
        private readonly Dictionary<string, ServiceEndpoint> _endpoints = new Dictionary<string, ServiceEndpoint>(StringComparer.Ordinal);

        /// <summary>The key: a SecureString, or a string (converted).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Key")]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The service's base URL, with or without /v1.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ApiBase")]
        [ArgumentCompleter(typeof(BaseUriCompleter))]
        public string? BaseUri { get; set; }

        /// <summary>Also sends one chat completion (max_tokens 1) for this model; spends one request of the daily quota.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelCompleter))]
        public string? Model { get; set; }

        /// <summary>Refuses a bad -BaseUri before any key is read.</summary>
        protected void ValidateBoundBaseUri()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(BaseUri)) && Resolve(BaseUri, out var error) is null)
            {
                ThrowRedactedError(error!);
            }
        }

        /// <summary>
        /// The current input's key and endpoint. Null with <paramref name="error"/> set when this
        /// input cannot be used (empty key, bad base URL); stops the command when there is no key at all.
        /// </summary>
        /// <param name="purpose">"test", "wait for": completes "No key to ...".</param>
        /// <param name="endpoint">The endpoint to probe.</param>
        /// <param name="error">Why this input cannot be used.</param>
        private protected KeyInspection? ReadKey(string purpose, out ServiceEndpoint? endpoint, out ErrorRecord? error)
        {
            endpoint = null;
            var key = InspectKey(
                ApiKey,
                $"No key to {purpose}: pass -ApiKey, pipe keys in, or set $env:{EnvironmentDefaults.ApiKeyVariables[0]}.",
                out error);
            if (key is null)
            {
                return null;
            }

            endpoint = Resolve(BaseUri ?? EnvironmentDefaults.BaseUri(), out error);
            return endpoint is null ? null : key;
        }

        // Rows of a CSV usually share a base URL: parse each distinct one once.
        private ServiceEndpoint? Resolve(string? baseUriText, out ErrorRecord? error)
        {
            var text = baseUriText ?? string.Empty;
            if (_endpoints.TryGetValue(text, out var known))
            {
                error = null;
                return known;
            }

            var endpoint = TryResolveEndpoint(text, out error);
            if (endpoint is not null)
            {
                _endpoints[text] = endpoint;
            }

            return endpoint;
        }
    }
}

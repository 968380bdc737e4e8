using System;
using System.Management.Automation;
using System.Security;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.PowerShell.Errors;
using ChatAnywhere.PowerShell.Security;
using ChatAnywhere.PowerShell.Validation;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// What every command that sends requests shares: the connection parameters, named and meant as in
    /// Invoke-RestMethod, the one HttpClient's settings, and reading a key and a base URL safely.
    /// </summary>
    public abstract class ConnectedCommandBase : ChatAnywhereCommandBase
    {
        /// <summary>Sends requests through this proxy instead of the environment's.</summary>
        [Parameter]
        [ValidateNotNull]
        [ValidateProxyScheme]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for -Proxy.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Connects directly, ignoring HTTP(S)_PROXY and system proxy settings.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>Accepts any server certificate: for test relays with self-signed certificates only.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Allows sending a key over plain http to a host other than this machine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Refuses contradictory connection parameters, as Invoke-RestMethod does.</summary>
        protected void ValidateConnectionParameters()
        {
            if (Proxy is not null && NoProxy.IsPresent)
            {
                ThrowArgumentError("ProxyConflict", "-Proxy and -NoProxy cannot be used together.", Proxy);
            }

            if (ProxyCredential is not null && Proxy is null)
            {
                ThrowArgumentError("ProxyCredentialWithoutProxy", "-ProxyCredential needs -Proxy.", null);
            }

            if (Proxy is not null && !Proxy.IsAbsoluteUri)
            {
                ThrowArgumentError("InvalidProxy", $"The proxy '{Proxy}' must be an absolute URL such as http://proxy:8080.", Proxy);
            }
        }

        /// <summary>The settings of this invocation's one HttpClient.</summary>
        private protected HttpClientSettings CreateHttpSettings(int maxConnectionsPerServer)
        {
            var proxyCredential = ProxyCredential?.GetNetworkCredential();
            Redactor.Register(proxyCredential?.Password);
            return new HttpClientSettings
            {
                Proxy = Proxy,
                ProxyCredential = proxyCredential,
                NoProxy = NoProxy.IsPresent,
                SkipCertificateCheck = SkipCertificateCheck.IsPresent,
                MaxConnectionsPerServer = maxConnectionsPerServer,
            };
        }

        /// <summary>
        /// The key given, or else the one in the environment, inspected. Null with <paramref name="error"/>
        /// set when this input cannot be used (a piped object without a key, an empty key); stops the
        /// command when nothing was given or piped and the environment has no key either.
        /// </summary>
        private protected KeyInspection? InspectKey(SecureString? given, string noKeyMessage, out ErrorRecord? error)
        {
            // A piped row without a key column must not borrow the environment's key: the row would be
            // reported (or rotated) under a key it never named (issue 13).
            if (given is null && MyInvocation.ExpectingInput)
            {
                error = InputErrors.KeyMissingFromInput();
                return null;
            }

            var rawKey = given is null ? EnvironmentDefaults.ApiKey() : SecureStrings.ToPlainText(given);
            if (rawKey is null)
            {
                ThrowArgumentError("NoApiKey", noKeyMessage, null);
            }

            var key = KeyInspector.Inspect(rawKey!);
            error = key.IsEmpty ? InputErrors.EmptyKey() : null;
            return key.IsEmpty ? null : key;
        }

        /// <summary>Parses a base URL (with or without /v1), or explains why it cannot be used.</summary>
        private protected ServiceEndpoint? TryResolveEndpoint(string? text, out ErrorRecord? error)
        {
            var endpoint = ServiceEndpoint.TryParse(text, AllowUnencryptedAuthentication.IsPresent, out var problem, out var insecure);
            if (endpoint is not null && !AllowUnencryptedAuthentication.IsPresent)
            {
                // The host check above sees the target only; a proxy on the way reads plain http too.
                var route = new HttpClientSettings { Proxy = Proxy, NoProxy = NoProxy.IsPresent };
                problem = UnencryptedRoute.Refusal(route, endpoint.BaseUri);
                insecure = problem is not null;
                endpoint = insecure ? null : endpoint;
            }

            error = endpoint is null ? InputErrors.BadBaseUri(problem, insecure, text) : null;
            return endpoint;
        }

    }
}

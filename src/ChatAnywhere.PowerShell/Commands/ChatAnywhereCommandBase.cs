using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.PowerShell.Logging;
using ChatAnywhere.PowerShell.Security;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// What every command of the module shares: the connection parameters (named and meant as in
    /// Invoke-RestMethod), one cancellation source per invocation cancelled by Ctrl+C, the
    /// redactor, and writing the engine's queued log lines on the pipeline thread.
    /// </summary>
    public abstract class ChatAnywhereCommandBase : PSCmdlet, IDisposable
    {
        /// <summary>What every command says about a key that is empty once cleaned.</summary>
        protected const string EmptyKeyMessage = "The key is empty (or only whitespace and quotes).";

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool _disposed;

        /// <summary>Sends requests through this proxy instead of the environment's.</summary>
        [Parameter]
        [ValidateNotNull]
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

        /// <summary>Cancelled when the user presses Ctrl+C.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>Masks every secret this invocation has seen.</summary>
        protected SecretRedactor Redactor { get; } = new SecretRedactor();

        /// <summary>The engine's log for this invocation; set by <see cref="CreateLog"/>.</summary>
        protected QueuedProbeLog? Log { get; private set; }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // The pipeline may end early (a terminating error, -ErrorAction Stop): work still in
            // flight for other keys must stop with it, not probe on in the background.
            _stopping.Cancel();
            DisposeResources();
            _stopping.Dispose();
        }

        /// <summary>Releases what a derived command holds (its HttpClient).</summary>
        protected virtual void DisposeResources()
        {
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping.Cancel();

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
        protected HttpClientSettings CreateHttpSettings(int maxConnectionsPerServer)
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

        /// <summary>Creates the log, keeping only the streams the caller will see.</summary>
        protected void CreateLog()
        {
            Log = new QueuedProbeLog(Redactor, IsStreamShown("Verbose", "VerbosePreference"), IsStreamShown("Debug", "DebugPreference"));
        }

        /// <summary>Writes the engine's queued lines; pipeline thread only.</summary>
        protected void FlushLog()
        {
            if (Log is null)
            {
                return;
            }

            while (Log.TryTake(out var isDebug, out var text))
            {
                if (isDebug)
                {
                    WriteDebug(text);
                }
                else
                {
                    WriteVerbose(text);
                }
            }
        }

        /// <summary>
        /// The key given, or else the one in the environment, inspected. Null with <paramref name="error"/>
        /// set when it is empty once cleaned; stops the command when there is no key at all.
        /// </summary>
        protected KeyInspection? InspectKey(SecureString? given, string noKeyMessage, out ErrorRecord? error)
        {
            error = null;
            var rawKey = given is null ? EnvironmentDefaults.ApiKey() : SecureStrings.ToPlainText(given);
            if (rawKey is null)
            {
                ThrowArgumentError("NoApiKey", noKeyMessage, null);
                return null;
            }

            var key = KeyInspector.Inspect(rawKey);
            if (key.IsEmpty)
            {
                error = new ErrorRecord(new ArgumentException(EmptyKeyMessage), "EmptyApiKey", ErrorCategory.InvalidArgument, null);
                return null;
            }

            return key;
        }

        /// <summary>Parses a base URL (with or without /v1), or explains why it cannot be used.</summary>
        protected ServiceEndpoint? TryResolveEndpoint(string? text, out ErrorRecord? error)
        {
            var endpoint = ServiceEndpoint.TryParse(text, AllowUnencryptedAuthentication.IsPresent, out var problem, out var insecure);
            if (endpoint is not null)
            {
                error = null;
                return endpoint;
            }

            error = new ErrorRecord(
                new ArgumentException(problem),
                insecure ? "UnencryptedAuthenticationRefused" : "InvalidBaseUri",
                insecure ? ErrorCategory.SecurityError : ErrorCategory.InvalidArgument,
                text);
            return null;
        }

        /// <summary>Stops the command with a clear message about a bad argument.</summary>
        protected void ThrowArgumentError(string errorId, string message, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));

        private bool IsStreamShown(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
            {
                return bound is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            var preference = GetVariableValue(preferenceVariable);
            return preference is ActionPreference action
                ? action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore
                : preference is not null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }
    }
}

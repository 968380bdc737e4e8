using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.PowerShell.Errors;
using ChatAnywhere.PowerShell.Logging;
using ChatAnywhere.PowerShell.Security;
using ChatAnywhere.PowerShell.Validation;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// What every command of the module shares: the connection parameters (named and meant as in
    /// Invoke-RestMethod), one cancellation source per invocation cancelled by Ctrl+C, the
    /// redactor, and the one loop that waits for the engine on the pipeline thread.
    /// </summary>
    public abstract class ChatAnywhereCommandBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private QueuedProbeLog? _log;
        private bool _disposed;

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

        /// <summary>Cancelled when the user presses Ctrl+C.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>Masks every secret this invocation has seen.</summary>
        private protected SecretRedactor Redactor { get; } = new SecretRedactor();

        /// <summary>The engine's log for this invocation, made on first use (in BeginProcessing).</summary>
        private protected QueuedProbeLog Log => _log ??= QueuedProbeLog.For(this, Redactor);

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
            _owned.ForEach(resource => resource.Dispose());
            _stopping.Dispose();
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Keeps <paramref name="resource"/> (the engine object and its HttpClient) until the command is disposed.</summary>
        protected T Own<T>(T resource)
            where T : IDisposable
        {
            _owned.Insert(0, resource); // last made, first released: a work queue before the client it uses
            return resource;
        }

        /// <summary>
        /// The one place a command waits for the engine, on the pipeline thread (the only one that
        /// may write). <paramref name="writeReady"/> writes what is done and the progress, and
        /// returns the tasks any of which ends the next wait, or none when the command may go on.
        /// Ctrl+C stops the pipeline at once, unless <paramref name="finishOnStop"/>: then the
        /// work must end itself (a rollback after Ctrl+C must not be abandoned).
        /// </summary>
        protected void Pump(Func<Task[]> writeReady, TimeSpan slice, bool finishOnStop = false)
        {
            while (true)
            {
                _log?.WriteTo(this);
                var pending = writeReady();
                if (pending.Length == 0)
                {
                    _log?.WriteTo(this);
                    return;
                }

                try
                {
                    // Wakes when a task ends, on Ctrl+C, or after a slice to refresh progress.
                    Task.WaitAny(pending, (int)slice.TotalMilliseconds, finishOnStop ? CancellationToken.None : StopToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C, handled below.
                }

                if (!finishOnStop && StopToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        /// <summary>Waits for one engine task through <see cref="Pump"/>, showing progress meanwhile; the engine's own exception comes out unwrapped.</summary>
        protected T WaitFor<T>(Task<T> task, Action showProgress, TimeSpan slice, bool finishOnStop = false)
        {
            Pump(() => task.IsCompleted ? Array.Empty<Task>() : ShowProgress(showProgress, task), slice, finishOnStop);
            return task.GetAwaiter().GetResult();
        }

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

        /// <summary>Stops the command with a clear message about a bad argument.</summary>
        protected void ThrowArgumentError(string errorId, string message, object? target) =>
            ThrowRedactedError(InputErrors.BadArgument(errorId, message, target));

        /// <summary>WriteError, with every secret of the invocation masked (<see cref="Redact(ErrorRecord)"/>).</summary>
        private protected void WriteRedactedError(ErrorRecord record) => WriteError(Redact(record));

        /// <summary>ThrowTerminatingError, with every secret of the invocation masked.</summary>
        private protected void ThrowRedactedError(ErrorRecord record) => ThrowTerminatingError(Redact(record));

        /// <summary>
        /// The record with the invocation's secrets masked in its message, string target and
        /// details: the last pass before an error reaches $Error, transcripts and logs (issue 16).
        /// The record is kept as it is when nothing in it needed masking.
        /// </summary>
        private protected ErrorRecord Redact(ErrorRecord record)
        {
            var message = Redactor.Redact(record.Exception.Message);
            var target = record.TargetObject is string text ? Redactor.Redact(text) : record.TargetObject;
            var details = record.ErrorDetails is null ? null : Redactor.Redact(record.ErrorDetails.Message);
            var advice = record.ErrorDetails?.RecommendedAction is null ? null : Redactor.Redact(record.ErrorDetails.RecommendedAction);
            if (message == record.Exception.Message && Equals(target, record.TargetObject) &&
                details == record.ErrorDetails?.Message && advice == record.ErrorDetails?.RecommendedAction)
            {
                return record;
            }

            // A new exception of the same kind without the inner one, whose message may hold the secret too.
            Exception exception = record.Exception switch
            {
                ArgumentException => new ArgumentException(message),
                NotSupportedException => new NotSupportedException(message),
                TimeoutException => new TimeoutException(message),
                _ => new InvalidOperationException(message),
            };
            var id = record.FullyQualifiedErrorId;
            var redacted = new ErrorRecord(exception, id, record.CategoryInfo.Category, target);
            if (record.ErrorDetails is not null)
            {
                redacted.ErrorDetails = new ErrorDetails(details ?? string.Empty) { RecommendedAction = advice };
            }

            return redacted;
        }

        private static Task[] ShowProgress(Action showProgress, Task task)
        {
            showProgress();
            return new[] { task };
        }
    }
}

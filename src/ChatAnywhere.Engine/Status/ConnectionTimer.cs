using System;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Times DNS, TCP connect and the TLS handshake on a connection of its own, then closes it, so
    /// a failure names its phase. netstandard2.0 offers no cancellation token for connect or
    /// handshake: the socket is disposed on timeout or cancellation instead, which ends them.
    /// </summary>
    internal static class ConnectionTimer
    {
        /// <summary>Measures each phase; a failure is a result, only the caller's cancellation throws.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public static async Task<ConnectionPhases> MeasureAsync(Uri target, bool skipCertificateCheck, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            var phases = new ConnectionPhases();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var token = limit.Token;
            var host = target.DnsSafeHost;
            var phase = "name resolution";
            try
            {
                var watch = Stopwatch.StartNew();
                IPAddress[] addresses;
                if (IPAddress.TryParse(host, out var literal))
                {
                    addresses = new[] { literal };
                }
                else
                {
                    addresses = await UntilCancelled(Dns.GetHostAddressesAsync(host), token).ConfigureAwait(false);
                    phases.DnsMs = watch.ElapsedMilliseconds;
                    if (addresses.Length == 0)
                    {
                        throw new SocketException((int)SocketError.HostNotFound);
                    }
                }

                var address = addresses[0];
                phases.Address = address.ToString();
                phase = "TCP connect to " + phases.Address;
                using var tcp = new TcpClient(address.AddressFamily);
                using (token.Register(tcp.Dispose))
                {
                    watch.Restart();
                    await tcp.ConnectAsync(address, target.Port).ConfigureAwait(false);
                    phases.ConnectMs = watch.ElapsedMilliseconds;
                }

                if (target.Scheme == Uri.UriSchemeHttps)
                {
                    phase = "TLS handshake";
                    var policyErrors = SslPolicyErrors.None;
                    using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, errors) =>
                    {
                        policyErrors = errors;
                        return skipCertificateCheck || errors == SslPolicyErrors.None;
                    });
                    using (token.Register(tls.Dispose))
                    {
                        watch.Restart();
                        try
                        {
                            await tls.AuthenticateAsClientAsync(host).ConfigureAwait(false);
                        }
                        catch (AuthenticationException) when (policyErrors != SslPolicyErrors.None && !token.IsCancellationRequested)
                        {
                            phases.Failure = EndpointCause.TlsError;
                            phases.FailureDetail = $"The TLS certificate of {host} is not trusted ({policyErrors}): a self-signed certificate, an intercepting proxy, or the wrong host. Use -SkipCertificateCheck only for a test relay you trust.";
                            return phases;
                        }

                        phases.TlsMs = watch.ElapsedMilliseconds;
                    }
                }

                return phases;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsNetworkFailure(exception))
            {
                if (token.IsCancellationRequested)
                {
                    phases.Failure = EndpointCause.Timeout;
                    phases.FailureDetail = $"The {phase} took longer than {timeout.TotalSeconds:0.#} s.";
                    return phases;
                }

                var classification = NetworkFailureClassifier.Classify(exception, target.GetLeftPart(UriPartial.Authority));
                phases.Failure = EndpointHealthRules.CauseOf(classification.Reason);
                phases.FailureDetail = $"The {phase} failed: {classification.Message?.TrimEnd('.')}. {classification.Diagnosis[0]}";
                return phases;
            }
        }

        private static bool IsNetworkFailure(Exception exception) =>
            exception is SocketException || exception is System.IO.IOException || exception is AuthenticationException ||
            exception is ObjectDisposedException || exception is OperationCanceledException;

        // Dns.GetHostAddressesAsync takes no token on netstandard2.0: stop waiting for it instead.
        private static async Task<T> UntilCancelled<T>(Task<T> task, CancellationToken token)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (token.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    // Observe a late failure so it is not reported as unobserved.
                    _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    throw new OperationCanceledException(token);
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}

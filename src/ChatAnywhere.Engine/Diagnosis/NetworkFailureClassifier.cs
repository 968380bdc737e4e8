using System;
using System.Net.Sockets;
using System.Security.Authentication;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.Engine.Diagnosis
{
    /// <summary>Names what went wrong when no HTTP answer arrived. A network failure never says anything about the key.</summary>
    internal static class NetworkFailureClassifier
    {
        /// <summary>Classifies an exception from sending a request or reading its body.</summary>
        /// <param name="exception">What sending or reading threw.</param>
        /// <param name="baseUri">The service, as the admin named it.</param>
        /// <param name="proxy">The proxy the request went through, or null for a direct connection.</param>
        public static Classification Classify(Exception exception, string baseUri, Uri? proxy = null)
        {
            var reason = ProxyHop(ReasonOf(exception), exception, proxy);
            return new Classification
            {
                Verdict = KeyVerdict.NetworkError,
                Reason = reason,
                Message = Innermost(exception).Message,
                Diagnosis = new[] { DiagnosisOf(reason, baseUri, proxy), "This says nothing about the key." },
                Recommendation = RecommendationOf(reason),
                IsRetryable = reason != VerdictReason.TlsFailure && reason != VerdictReason.ProxyAuthRequired,
                RuleName = "Network failure: " + reason,
            };
        }

        /// <summary>
        /// An HTTP 407 answer: only a proxy sends it (RFC 9110, 15.5.8), so it names the proxy and
        /// says nothing about the service or the key.
        /// </summary>
        public static Classification ProxyAuthentication(Uri? proxy, int statusCode) => new Classification
        {
            Verdict = KeyVerdict.NetworkError,
            Reason = VerdictReason.ProxyAuthRequired,
            StatusCode = statusCode,
            Message = $"The proxy {Describe(proxy)} answered 407 Proxy Authentication Required.",
            Diagnosis = new[] { DiagnosisOf(VerdictReason.ProxyAuthRequired, string.Empty, proxy), "This says nothing about the key." },
            Recommendation = RecommendationOf(VerdictReason.ProxyAuthRequired),
            IsRetryable = false,
            RuleName = "Network failure: ProxyAuthRequired",
        };

        // With a proxy in the way, a refused connection or an unknown host name is the proxy's:
        // the client resolves and connects only to the proxy, which reaches the service itself.
        // An https tunnel refused with 407 surfaces as an exception naming that status.
        private static VerdictReason ProxyHop(VerdictReason reason, Exception exception, Uri? proxy)
        {
            if (proxy is null)
            {
                return reason;
            }

            for (var e = exception; e is not null; e = e.InnerException)
            {
                if (e.Message.IndexOf("407", StringComparison.Ordinal) >= 0)
                {
                    return VerdictReason.ProxyAuthRequired;
                }
            }

            return reason == VerdictReason.ConnectionRefused || reason == VerdictReason.DnsFailure || reason == VerdictReason.ProxyFailure
                ? VerdictReason.ProxyUnreachable
                : reason;
        }

        private static string Describe(Uri? proxy) => proxy is null ? "in the way" : proxy.GetLeftPart(UriPartial.Authority);

        /// <summary>The classification of an attempt that ran out of time.</summary>
        public static Classification Timeout(string baseUri, TimeSpan limit) => new Classification
        {
            Verdict = KeyVerdict.NetworkError,
            Reason = VerdictReason.Timeout,
            Message = $"No answer within {limit.TotalSeconds:0.#} s.",
            Diagnosis = new[] { $"{baseUri} did not answer in time: the service is slow or down, or a firewall drops the traffic.", "This says nothing about the key." },
            Recommendation = new[] { $"Check {KnownHosts.StatusPageUri} (Get-ServiceStatus), or raise -TimeoutSec." },
            IsRetryable = true,
            RuleName = "Network failure: Timeout",
        };

        private static VerdictReason ReasonOf(Exception exception)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                switch (e)
                {
                    case AuthenticationException:
                        return VerdictReason.TlsFailure;
                    case SocketException socket:
                        switch (socket.SocketErrorCode)
                        {
                            case SocketError.ConnectionRefused:
                                return VerdictReason.ConnectionRefused;
                            case SocketError.HostNotFound:
                            case SocketError.NoData:
                            case SocketError.TryAgain:
                                return VerdictReason.DnsFailure;
                            case SocketError.TimedOut:
                                return VerdictReason.Timeout;
                            default:
                                return VerdictReason.ConnectionReset;
                        }
                }

                if (e.Message.IndexOf("proxy", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return VerdictReason.ProxyFailure;
                }

                if (e.Message.IndexOf("SSL", StringComparison.Ordinal) >= 0 || e.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return VerdictReason.TlsFailure;
                }

                if (e.Message.IndexOf("Name or service not known", StringComparison.OrdinalIgnoreCase) >= 0 ||
                    e.Message.IndexOf("No such host", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return VerdictReason.DnsFailure;
                }
            }

            // IOException and anything else unnamed: the connection ended without an answer.
            return VerdictReason.ConnectionReset;
        }

        private static string DiagnosisOf(VerdictReason reason, string baseUri, Uri? proxy) => reason switch
        {
            VerdictReason.ProxyUnreachable => $"The proxy {Describe(proxy)} could not be reached (refused, or its name does not resolve): the request never left for the service, so this says nothing about the service either.",
            VerdictReason.ProxyAuthRequired => $"The proxy {Describe(proxy)} wants credentials (407) before it forwards anything: the service was never reached.",
            VerdictReason.DnsFailure => $"The host name of {baseUri} does not resolve: a typo in the base URL, or DNS is blocked.",
            VerdictReason.ConnectionRefused => $"Nothing accepts connections at {baseUri}: wrong port, or the service is down.",
            VerdictReason.TlsFailure => $"The TLS handshake with {baseUri} failed: an intercepting proxy, an expired or self-signed certificate.",
            VerdictReason.ProxyFailure => "The proxy failed to connect or refused the request.",
            VerdictReason.Timeout => $"{baseUri} did not answer in time.",
            _ => $"The connection to {baseUri} was reset or closed before an answer arrived.",
        };

        private static string[] RecommendationOf(VerdictReason reason) => reason switch
        {
            VerdictReason.DnsFailure => new[] { $"Check the base URL; the service's hosts are {KnownHosts.DefaultBaseUri} and {KnownHosts.OverseasBaseUri}." },
            VerdictReason.TlsFailure => new[] { "Check the proxy's certificate; use -SkipCertificateCheck only for a test relay you trust." },
            VerdictReason.ProxyFailure => new[] { "Check -Proxy / $env:HTTPS_PROXY, or try -NoProxy." },
            VerdictReason.ProxyUnreachable => new[] { "Check the proxy's address and port (-Proxy, $env:HTTPS_PROXY, $env:HTTP_PROXY) and that it runs, or try -NoProxy." },
            VerdictReason.ProxyAuthRequired => new[] { "Pass the proxy's credentials with -ProxyCredential, or ask its administrator to allow this machine." },
            _ => new[] { $"Check {KnownHosts.StatusPageUri} (Get-ServiceStatus) and the network, then try again." },
        };

        private static Exception Innermost(Exception exception)
        {
            var e = exception;
            while (e.InnerException is not null)
            {
                e = e.InnerException;
            }

            return e;
        }
    }
}

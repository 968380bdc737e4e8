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
        public static Classification Classify(Exception exception, string baseUri)
        {
            var reason = ReasonOf(exception);
            return new Classification
            {
                Verdict = KeyVerdict.NetworkError,
                Reason = reason,
                Message = Innermost(exception).Message,
                Diagnosis = new[] { DiagnosisOf(reason, baseUri), "This says nothing about the key." },
                Recommendation = RecommendationOf(reason),
                IsRetryable = reason != VerdictReason.TlsFailure,
                RuleName = "Network failure: " + reason,
            };
        }

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

        private static string DiagnosisOf(VerdictReason reason, string baseUri) => reason switch
        {
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

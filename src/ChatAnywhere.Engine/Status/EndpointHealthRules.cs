namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Turns the classified answer to GET /v1/models (with or without a key) into an endpoint's
    /// health. The question is "does the service answer?", not "is the key good?": any answer of
    /// the API that is not a server failure shows it up, a 401 included.
    /// </summary>
    internal static class EndpointHealthRules
    {
        /// <summary>Health and cause of one answer, before slowness and retries are weighed.</summary>
        public static (EndpointHealth Health, EndpointCause Cause) Judge(KeyVerdict verdict, VerdictReason reason, int? statusCode)
        {
            switch (verdict)
            {
                case KeyVerdict.NetworkError:
                    return (EndpointHealth.Down, CauseOf(reason));
                case KeyVerdict.BlockedByWaf:
                    // CF-403-challenge-measured, CF-blocked-page: the request never reached the API.
                    return (EndpointHealth.Down, EndpointCause.BlockedByWaf);
                case KeyVerdict.ServiceUnavailable:
                    if (reason == VerdictReason.CloudflareError)
                    {
                        return (EndpointHealth.Down, EndpointCause.CloudflareError);
                    }

                    // A 5xx is the service failing; a refusal below 500 that blames the upstream
                    // (ONE-403-region-via-relay) means the service itself answers.
                    return statusCode is null || statusCode >= 500
                        ? (EndpointHealth.Down, EndpointCause.ServerError)
                        : (EndpointHealth.Degraded, EndpointCause.UpstreamFailure);
                case KeyVerdict.RateLimited:
                    // A used-up daily quota is the key's limit, not the service's state (CA-429-free-200-per-day).
                    return reason == VerdictReason.DailyLimit || reason == VerdictReason.DailyLimitPerModel
                        ? (EndpointHealth.Operational, EndpointCause.None)
                        : (EndpointHealth.Degraded, EndpointCause.RateLimited);
                case KeyVerdict.WrongEndpoint:
                    // OpenAI answering a relay key is a working service at the wrong address; a
                    // redirect or a 404 for /v1/models is not the API at all.
                    return reason == VerdictReason.RelayKeySentToOpenAI
                        ? (EndpointHealth.Operational, EndpointCause.None)
                        : (EndpointHealth.Down, EndpointCause.UnexpectedAnswer);
                case KeyVerdict.Unknown:
                    if (statusCode >= 500)
                    {
                        return (EndpointHealth.Down, EndpointCause.ServerError);
                    }

                    return reason == VerdictReason.HtmlInsteadOfJson || statusCode < 400
                        ? (EndpointHealth.Down, EndpointCause.UnexpectedAnswer)
                        : (EndpointHealth.Operational, EndpointCause.None);
                default:
                    return (EndpointHealth.Operational, EndpointCause.None);
            }
        }

        /// <summary>Slowness, then a retry, make an Operational answer Degraded.</summary>
        public static (EndpointHealth Health, EndpointCause Cause) Weigh((EndpointHealth Health, EndpointCause Cause) judged, long? httpMs, long slowThresholdMs, int attempts)
        {
            if (judged.Health != EndpointHealth.Operational)
            {
                return judged;
            }

            if (httpMs > slowThresholdMs)
            {
                return (EndpointHealth.Degraded, EndpointCause.Slow);
            }

            return attempts > 1 ? (EndpointHealth.Degraded, EndpointCause.Retried) : judged;
        }

        /// <summary>The cause of a network failure, from the reason the network classifier gave it.</summary>
        public static EndpointCause CauseOf(VerdictReason reason) => reason switch
        {
            VerdictReason.DnsFailure => EndpointCause.DnsFailure,
            VerdictReason.ConnectionRefused => EndpointCause.ConnectionRefused,
            VerdictReason.TlsFailure => EndpointCause.TlsError,
            VerdictReason.Timeout => EndpointCause.Timeout,
            VerdictReason.ProxyFailure => EndpointCause.ProxyFailure,
            VerdictReason.ProxyUnreachable => EndpointCause.ProxyFailure,
            VerdictReason.ProxyAuthRequired => EndpointCause.ProxyFailure,
            _ => EndpointCause.ConnectionReset,
        };
    }
}

namespace ChatAnywhere
{
    /// <summary>Why an endpoint is not simply Operational. Detail says the same in words.</summary>
    public enum EndpointCause
    {
        /// <summary>Nothing to report.</summary>
        None = 0,

        /// <summary>The HTTP round trip took longer than -SlowThresholdMs.</summary>
        Slow,

        /// <summary>The service answered only after a retry (a 5xx, a reset or a timeout came first).</summary>
        Retried,

        /// <summary>The service answered 429 (a request rate limit or a saturated upstream, not a daily quota).</summary>
        RateLimited,

        /// <summary>The host name does not resolve.</summary>
        DnsFailure,

        /// <summary>Nothing accepts connections at the host and port.</summary>
        ConnectionRefused,

        /// <summary>The connection was reset or closed before an answer arrived.</summary>
        ConnectionReset,

        /// <summary>The TLS handshake failed, or the certificate is not trusted (Detail lists the policy errors).</summary>
        TlsError,

        /// <summary>No answer within -TimeoutSec.</summary>
        Timeout,

        /// <summary>The proxy failed to connect or refused the request.</summary>
        ProxyFailure,

        /// <summary>The service answered with a server error (5xx).</summary>
        ServerError,

        /// <summary>Cloudflare answered with its own 5xx error page: it could not reach the service behind it.</summary>
        CloudflareError,

        /// <summary>Cloudflare answered with a challenge or block page: this client cannot reach the API.</summary>
        BlockedByWaf,

        /// <summary>The service answered, but its upstream (the model provider) failed.</summary>
        UpstreamFailure,

        /// <summary>Something answered that is not the API: a redirect, a 404 for /v1/models, an HTML page.</summary>
        UnexpectedAnswer,

        /// <summary>The relay's data plane works, but its GET /api/status failed.</summary>
        RelayStatusFailed,

        /// <summary>The module itself failed while checking this endpoint (Detail says how); nothing is known about it.</summary>
        CheckFailed,
    }
}

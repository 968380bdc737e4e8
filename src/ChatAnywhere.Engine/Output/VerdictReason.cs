namespace ChatAnywhere
{
    /// <summary>The finer cause behind a <see cref="KeyVerdict"/>.</summary>
    public enum VerdictReason
    {
        /// <summary>No finer cause applies.</summary>
        None = 0,

        // Valid
        /// <summary>The key worked after surrounding whitespace, quotes or a Bearer prefix were removed.</summary>
        InputHadWhitespace,

        // InvalidKey
        /// <summary>The service said the key is wrong.</summary>
        KeyRejected,
        /// <summary>The relay token has expired.</summary>
        TokenExpired,
        /// <summary>The account behind the key was deactivated.</summary>
        AccountDeactivated,
        /// <summary>A 401 the module does not recognise.</summary>
        UnrecognisedRefusal,

        // WrongEndpoint
        /// <summary>A ChatAnywhere or relay key went to api.openai.com.</summary>
        RelayKeySentToOpenAI,
        /// <summary>The server answered with a redirect.</summary>
        Redirected,
        /// <summary>The path does not exist at this base URL.</summary>
        WrongPath,
        /// <summary>A status page slug that does not exist.</summary>
        StatusPageNotFound,

        // MalformedKey
        /// <summary>The key lacks the sk- prefix.</summary>
        KeyMissingPrefix,
        /// <summary>The key has whitespace inside it.</summary>
        KeyHasInnerWhitespace,
        /// <summary>The key has control characters.</summary>
        KeyHasControlCharacter,
        /// <summary>The key has zero-width or other invisible characters.</summary>
        KeyHasInvisibleCharacter,
        /// <summary>The key has full-width characters (typed with an East Asian input method).</summary>
        KeyHasFullWidthCharacter,
        /// <summary>The key has other characters outside ASCII.</summary>
        KeyHasNonAsciiCharacter,
        /// <summary>The key is a masked copy (its middle replaced by asterisks), as the module and services show keys.</summary>
        MaskedCopy,

        // MalformedRequest
        /// <summary>The server received no key (a proxy or client dropped the header).</summary>
        NoKeyReceived,
        /// <summary>The front end rejected the Authorization header.</summary>
        AuthHeaderMalformed,
        /// <summary>A relay management call lacked the New-Api-User header.</summary>
        ManagementAuthHeader,

        /// <summary>The prompt or messages exceed the model's context length.</summary>
        ContextLengthExceeded,

        /// <summary>The request body is larger than the server accepts.</summary>
        PayloadTooLarge,

        /// <summary>The organization named in the request does not match the key's.</summary>
        OrganizationMismatch,

        /// <summary>The relay or gateway knows the path but does not serve it.</summary>
        EndpointNotImplemented,
        /// <summary>The request was refused by a content policy.</summary>
        ContentPolicy,
        /// <summary>The server could not parse the request.</summary>
        BadRequest,

        // RateLimited
        /// <summary>The free tier's daily request limit (per key and per IP).</summary>
        DailyLimit,
        /// <summary>A per-model daily limit of the free tier.</summary>
        DailyLimitPerModel,
        /// <summary>A short-term request or token rate limit.</summary>
        RequestRateLimit,
        /// <summary>The relay's upstream is saturated; not the key's fault.</summary>
        UpstreamSaturated,

        // ModelNotAllowed
        /// <summary>The free tier does not include that model or path.</summary>
        FreeTierModel,
        /// <summary>The relay has no channel for that model.</summary>
        NoChannelForModel,
        /// <summary>The relay token may not use that model.</summary>
        ModelNotGranted,

        /// <summary>The model does not exist (any more) at this service.</summary>
        ModelNotFound,

        /// <summary>The deployment (Azure) or model route named in the URL does not exist.</summary>
        DeploymentNotFound,

        // Restricted
        /// <summary>The free tier's prompt-token limit.</summary>
        PromptTokenLimit,
        /// <summary>The key or user was suspended or banned.</summary>
        Suspended,
        /// <summary>Access terminated for a policy violation.</summary>
        Terminated,
        /// <summary>The token is disabled.</summary>
        TokenDisabled,
        /// <summary>The token only works from allowed IP addresses.</summary>
        IpAllowList,
        /// <summary>The region is not supported (here or upstream).</summary>
        Region,
        /// <summary>A 403 the module does not recognise.</summary>
        Forbidden,

        /// <summary>The key lacks a permission or scope for this call.</summary>
        MissingScope,

        /// <summary>The key belongs to no organization the service accepts.</summary>
        NoOrganization,

        // QuotaExhausted
        /// <summary>The balance is too low for the request.</summary>
        BalanceTooLow,
        /// <summary>The relay user's quota is used up.</summary>
        UserQuotaExhausted,
        /// <summary>The relay token's quota is used up.</summary>
        TokenQuotaExhausted,

        /// <summary>The service asks for payment (HTTP 402, no credits, billing inactive).</summary>
        PaymentRequired,

        // BlockedByWaf
        /// <summary>A Cloudflare browser challenge.</summary>
        CloudflareChallenge,
        /// <summary>A Cloudflare block page.</summary>
        CloudflareBlock,

        /// <summary>A web application firewall's block page (Akamai, AWS WAF, F5, Sucuri, ModSecurity...).</summary>
        WafBlock,

        /// <summary>A filtering proxy's block page (Squid, Zscaler, FortiGate, Palo Alto...).</summary>
        ProxyBlock,

        /// <summary>A web server's own error page (nginx, Apache, HAProxy...) refused the request.</summary>
        ServerDefaultPage,

        // ServiceUnavailable
        /// <summary>A Cloudflare 5xx error page.</summary>
        CloudflareError,
        /// <summary>A 5xx from the service.</summary>
        ServerError,
        /// <summary>The upstream model returned nothing.</summary>
        NoUpstreamResponse,
        /// <summary>The upstream model is overloaded.</summary>
        Overloaded,
        /// <summary>The service's upstream account ran out of quota.</summary>
        UpstreamAccountExhausted,
        /// <summary>The relay's upstream account has a problem.</summary>
        UpstreamAccountProblem,
        /// <summary>The upstream answered with an error.</summary>
        UpstreamError,

        // NetworkError
        /// <summary>No answer within the timeout.</summary>
        Timeout,
        /// <summary>The connection was refused.</summary>
        ConnectionRefused,
        /// <summary>The connection was reset or closed early.</summary>
        ConnectionReset,
        /// <summary>The host name did not resolve.</summary>
        DnsFailure,
        /// <summary>The TLS handshake or certificate check failed.</summary>
        TlsFailure,
        /// <summary>The proxy failed.</summary>
        ProxyFailure,
        /// <summary>The proxy itself could not be reached: its port refused, its name did not resolve.</summary>
        ProxyUnreachable,
        /// <summary>The proxy asked for credentials (HTTP 407): the service was never reached.</summary>
        ProxyAuthRequired,

        // Unknown
        /// <summary>HTML arrived where JSON was expected.</summary>
        HtmlInsteadOfJson,
        /// <summary>A relay management call failed (success:false).</summary>
        ManagementAuthFailed,
        /// <summary>A status page failed to answer.</summary>
        StatusPageError,
        /// <summary>An answer the module does not recognise.</summary>
        UnrecognisedAnswer,
    }
}

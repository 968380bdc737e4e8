namespace ChatAnywhere
{
    /// <summary>What a key check concluded, coarse enough to script against.</summary>
    public enum KeyVerdict
    {
        /// <summary>No verdict could be reached.</summary>
        Unknown = 0,

        /// <summary>The key works at this endpoint.</summary>
        Valid,

        /// <summary>The service rejected the key itself (wrong, revoked, expired).</summary>
        InvalidKey,

        /// <summary>The request did not reach the service the key belongs to (base URL, path, redirect).</summary>
        WrongEndpoint,

        /// <summary>The key text cannot be a key (inner spaces, invisible or full-width characters); nothing was sent.</summary>
        MalformedKey,

        /// <summary>The request was malformed or the key never reached the service's key check.</summary>
        MalformedRequest,

        /// <summary>Balance or quota is used up.</summary>
        QuotaExhausted,

        /// <summary>Too many requests: a per-minute or per-day limit.</summary>
        RateLimited,

        /// <summary>The key may not use the model or path asked for.</summary>
        ModelNotAllowed,

        /// <summary>The key is limited: suspended, IP allow-list, prompt size, region.</summary>
        Restricted,

        /// <summary>A web application firewall (Cloudflare) answered instead of the service.</summary>
        BlockedByWaf,

        /// <summary>The service or its upstream is failing; says nothing about the key.</summary>
        ServiceUnavailable,

        /// <summary>No HTTP answer: DNS, connection, TLS or timeout.</summary>
        NetworkError,
    }
}

using System;

namespace ChatAnywhere
{
    /// <summary>
    /// One API endpoint as seen from this machine: how long each part took, what answered, and the
    /// verdict. Only scalar properties, so Export-Csv writes every one. Never holds a key in full.
    /// </summary>
    public sealed class EndpointStatus
    {
        /// <summary>The base URL checked.</summary>
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>Its host name.</summary>
        public string Host { get; set; } = string.Empty;

        /// <summary>Operational, Degraded or Down.</summary>
        public EndpointHealth Status { get; set; }

        /// <summary>Why it is not simply Operational.</summary>
        public EndpointCause Cause { get; set; }

        /// <summary>Plain words: which part is slow or failing.</summary>
        public string Detail { get; set; } = string.Empty;

        /// <summary>Name resolution in milliseconds; null when not measured (an IP address, a proxy).</summary>
        public long? DnsMs { get; set; }

        /// <summary>TCP connect in milliseconds; null when not measured (a proxy) or not reached.</summary>
        public long? ConnectMs { get; set; }

        /// <summary>TLS handshake in milliseconds; null for http, through a proxy, or not reached.</summary>
        public long? TlsMs { get; set; }

        /// <summary>The HTTP round trip of GET /v1/models in milliseconds (the last attempt); null when no answer arrived.</summary>
        public long? HttpMs { get; set; }

        /// <summary>The HTTP status of GET /v1/models; null when no answer arrived.</summary>
        public int? StatusCode { get; set; }

        /// <summary>HTTP attempts made for GET /v1/models, retries included.</summary>
        public int Attempts { get; set; }

        /// <summary>Which software answered.</summary>
        public BackendKind Backend { get; set; }

        /// <summary>With -ApiKey: the key's verdict (as Test-ApiKey gives it); null without a key.</summary>
        public KeyVerdict? KeyVerdict { get; set; }

        /// <summary>With -ApiKey: the key, masked (first 3 and last 4 characters); null without a key.</summary>
        public string? Key { get; set; }

        /// <summary>A one-api / new-api relay's version, from GET /api/status.</summary>
        public string? RelayVersion { get; set; }

        /// <summary>A one-api / new-api relay's system name, from GET /api/status.</summary>
        public string? RelaySystemName { get; set; }

        /// <summary>The first address the host name resolved to.</summary>
        public string? Address { get; set; }

        /// <summary>When the check finished, in UTC.</summary>
        public DateTime CheckedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => Cause == EndpointCause.None
            ? $"{BaseUri}: {Status}"
            : $"{BaseUri}: {Status} ({Cause})";
    }
}

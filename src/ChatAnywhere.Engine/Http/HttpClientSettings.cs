using System;
using System.Net;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>How the one HttpClient of an invocation connects; the meanings follow Invoke-RestMethod.</summary>
    internal sealed class HttpClientSettings
    {
        /// <summary>An explicit proxy; null uses the environment's (HTTP(S)_PROXY, then system settings).</summary>
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for <see cref="Proxy"/>.</summary>
        public ICredentials? ProxyCredential { get; set; }

        /// <summary>Connect directly, ignoring any proxy the environment names.</summary>
        public bool NoProxy { get; set; }

        /// <summary>Accept any server certificate (self-signed test relays).</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>Connections per host; Windows PowerShell 5.1 would otherwise allow 2.</summary>
        public int MaxConnectionsPerServer { get; set; } = 16;
    }
}

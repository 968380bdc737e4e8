namespace ChatAnywhere.Engine.Status
{
    /// <summary>What opening a connection of our own showed: each phase's time, and the first failure.</summary>
    internal sealed class ConnectionPhases
    {
        /// <summary>Name resolution; null for an IP address.</summary>
        public long? DnsMs { get; set; }

        /// <summary>TCP connect; null when not reached.</summary>
        public long? ConnectMs { get; set; }

        /// <summary>TLS handshake; null for http or when not reached.</summary>
        public long? TlsMs { get; set; }

        /// <summary>The address connected to (the first one resolved).</summary>
        public string? Address { get; set; }

        /// <summary>None when every phase succeeded.</summary>
        public EndpointCause Failure { get; set; }

        /// <summary>In plain words, which phase failed and how.</summary>
        public string? FailureDetail { get; set; }
    }
}

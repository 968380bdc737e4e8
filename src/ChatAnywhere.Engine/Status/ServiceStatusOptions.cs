using System;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>How Get-ServiceStatus checks.</summary>
    internal sealed class ServiceStatusOptions
    {
        /// <summary>The longest one HTTP attempt (and the connection phases together) may take.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Retries of GET /v1/models after a transient failure.</summary>
        public int MaxRetries { get; set; } = 1;

        /// <summary>An HTTP round trip longer than this makes an endpoint Degraded (Slow).</summary>
        public TimeSpan SlowThreshold { get; set; } = TimeSpan.FromMilliseconds(2000);

        /// <summary>Accept any certificate in the TLS phase, as the HttpClient does with -SkipCertificateCheck.</summary>
        public bool SkipCertificateCheck { get; set; }

        /// <summary>The most body bytes read per answer.</summary>
        public int BodyLimit { get; set; } = Http.BoundedBodyReader.DefaultLimit;
    }
}

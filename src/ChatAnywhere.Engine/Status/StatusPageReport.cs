using System;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>What reading a status page gave: its state, and when read, its monitors and notices.</summary>
    internal sealed class StatusPageReport
    {
        /// <summary>Read, NotFound, Unreachable or NotUptimeKuma.</summary>
        public StatusPageState State { get; set; }

        /// <summary>In plain words, why the page could not be (fully) read.</summary>
        public string? Problem { get; set; }

        /// <summary>The page as a browser opens it.</summary>
        public string Uri { get; set; } = string.Empty;

        /// <summary>The monitors.</summary>
        public ComponentStatus[] Components { get; set; } = Array.Empty<ComponentStatus>();

        /// <summary>Pinned incidents and active maintenance.</summary>
        public ServiceIncident[] Incidents { get; set; } = Array.Empty<ServiceIncident>();
    }
}

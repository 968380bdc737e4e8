using System;
using System.Collections.Generic;

namespace ChatAnywhere
{
    /// <summary>
    /// What Get-ServiceStatus found: one word for scripts (<see cref="Overall"/>), the endpoints
    /// checked from this machine, and what the status page says. Never holds a key in full.
    /// </summary>
    public sealed class ServiceStatus
    {
        /// <summary>Operational, Degraded, Outage or Unknown.</summary>
        public OverallStatus Overall { get; set; }

        /// <summary>The API endpoints checked, in the order given.</summary>
        public EndpointStatus[] Endpoints { get; set; } = Array.Empty<EndpointStatus>();

        /// <summary>The status page's monitors.</summary>
        public ComponentStatus[] Components { get; set; } = Array.Empty<ComponentStatus>();

        /// <summary>The status page's pinned incidents and active maintenance.</summary>
        public ServiceIncident[] Incidents { get; set; } = Array.Empty<ServiceIncident>();

        /// <summary>The status page read, as a URL a browser opens; null with -NoStatusPage.</summary>
        public string? StatusPageUri { get; set; }

        /// <summary>Whether the status page could be read.</summary>
        public StatusPageState StatusPageState { get; set; }

        /// <summary>In plain words, why the status page could not be read; null when it was.</summary>
        public string? StatusPageProblem { get; set; }

        /// <summary>The service's GitHub issues of the last hours: is it only me?</summary>
        public CommunityReport Community { get; set; } = new CommunityReport();

        /// <summary>What an admin should know beyond the status, e.g. "3 users reported failures in the last 24 h: not only you".</summary>
        public string[] Problems { get; set; } = Array.Empty<string>();

        /// <summary>When the check finished, in UTC.</summary>
        public DateTime CheckedAt { get; set; }

        /// <summary>How long the whole check took.</summary>
        public TimeSpan Duration { get; set; }

        /// <inheritdoc />
        public override string ToString()
        {
            var parts = new List<string>();
            foreach (var endpoint in Endpoints)
            {
                parts.Add($"{endpoint.Host} {endpoint.Status}");
            }

            if (StatusPageState == StatusPageState.Read || StatusPageState == StatusPageState.Badges)
            {
                parts.Add($"{CountUp()}/{Components.Length} monitors up");
            }
            else if (StatusPageState != StatusPageState.Skipped)
            {
                parts.Add($"status page {StatusPageState}");
            }

            return parts.Count == 0 ? Overall.ToString() : $"{Overall}: {string.Join(", ", parts)}";
        }

        private int CountUp()
        {
            var up = 0;
            foreach (var component in Components)
            {
                if (component.Status == ComponentHealth.Up)
                {
                    up++;
                }
            }

            return up;
        }
    }
}

using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>What GET /api/status-page/heartbeat/{slug} says per monitor id: its last beat and its 24 h uptime.</summary>
    internal sealed class HeartbeatContent
    {
        /// <summary>The newest beat per monitor id.</summary>
        public Dictionary<int, LastBeat> LastBeats { get; } = new Dictionary<int, LastBeat>();

        /// <summary>The 24 h uptime per monitor id, as the fraction Uptime Kuma sends (0 to 1).</summary>
        public Dictionary<int, double> Uptime24 { get; } = new Dictionary<int, double>();

        /// <summary>True when the page has no heartbeats at all: what an unknown slug gets (uptime-kuma-api.md §5).</summary>
        public bool IsEmpty => LastBeats.Count == 0 && Uptime24.Count == 0;

        /// <summary>One heartbeat.</summary>
        public sealed class LastBeat
        {
            /// <summary>The monitor's state at that beat.</summary>
            public ComponentHealth Status { get; set; }

            /// <summary>When, in UTC; null when the time could not be read.</summary>
            public DateTime? Time { get; set; }

            /// <summary>The measured response time, if any.</summary>
            public long? PingMs { get; set; }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using ChatAnywhere.Engine.Json;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Reads the answers of Uptime Kuma's public status-page API, 1.x and 2.x alike
    /// (shapes in docs/reference/uptime-kuma-api.md, from louislam/uptime-kuma 2.5.3 and 1.23.17).
    /// Every method refuses, rather than guesses at, an answer that is not that API's.
    /// </summary>
    internal static class UptimeKumaReader
    {
        // Heartbeat times are SQL datetimes ("YYYY-MM-DD HH:mm:ss[.SSS]", UTC in 2.x); incidents may
        // carry ISO 8601. Both are read with the invariant culture.
        private static readonly string[] TimeFormats =
        {
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK",
        };

        /// <summary>
        /// Reads GET /api/entry-page. True when it is Uptime Kuma's answer; <paramref name="slug"/>
        /// is set only when the host is mapped to a status page (type statusPageMatchedDomain).
        /// </summary>
        public static bool TryReadEntryPage(string? body, out string? slug)
        {
            slug = null;
            if (!JsonLite.TryParse(body, out var root) || JsonLite.Text(root, "type") is not string type)
            {
                return false;
            }

            if (string.Equals(type, "statusPageMatchedDomain", StringComparison.Ordinal))
            {
                slug = JsonLite.Text(root, "statusPageSlug");
            }

            return true;
        }

        /// <summary>Reads GET /api/status-page/{slug}: 2.x sends an incidents array, 1.x one incident or null.</summary>
        public static bool TryReadPage(string? body, out StatusPageContent page)
        {
            page = new StatusPageContent();
            if (!JsonLite.TryParse(body, out var root) ||
                JsonLite.Member(root, "config") is not Dictionary<string, object?> config ||
                JsonLite.Member(root, "publicGroupList") is not List<object?> groups)
            {
                return false;
            }

            page.Title = JsonLite.Text(config, "title");
            foreach (var group in groups)
            {
                var groupName = JsonLite.Text(group, "name") ?? string.Empty;
                if (JsonLite.Member(group, "monitorList") is not List<object?> monitors)
                {
                    continue;
                }

                foreach (var monitor in monitors)
                {
                    if (Integer(JsonLite.Member(monitor, "id")) is int id)
                    {
                        page.Monitors.Add(new ComponentStatus { Id = id, Name = JsonLite.Text(monitor, "name") ?? string.Empty, Group = groupName });
                    }
                }
            }

            var incidents = JsonLite.Member(root, "incidents") switch
            {
                List<object?> list => list,
                _ => new List<object?>(),
            };
            foreach (var incident in incidents)
            {
                page.Incidents.Add(Incident(incident));
            }

            // 1.x names it "incident".
            if (JsonLite.Member(root, "incident") is Dictionary<string, object?> oneIncident)
            {
                page.Incidents.Add(Incident(oneIncident));
            }

            if (JsonLite.Member(root, "maintenanceList") is List<object?> maintenance)
            {
                foreach (var window in maintenance)
                {
                    var slot = JsonLite.Member(window, "timeslotList") is List<object?> slots && slots.Count > 0 ? slots[0] : null;
                    var range = JsonLite.Member(window, "dateRange") as List<object?>;
                    page.Incidents.Add(new ServiceIncident
                    {
                        Kind = IncidentKind.Maintenance,
                        Title = JsonLite.Text(window, "title") ?? string.Empty,
                        Content = JsonLite.Text(window, "description"),
                        StartedAt = Time(JsonLite.Text(slot, "startDate")) ?? Time(range is { Count: > 0 } ? range[0] as string : null),
                        UpdatedAt = Time(JsonLite.Text(slot, "endDate")) ?? Time(range is { Count: > 1 } ? range[1] as string : null),
                    });
                }
            }

            return true;
        }

        /// <summary>Reads GET /api/status-page/heartbeat/{slug}: beats oldest first per monitor id, and "{id}_24" uptimes.</summary>
        public static bool TryReadHeartbeats(string? body, out HeartbeatContent heartbeats)
        {
            heartbeats = new HeartbeatContent();
            if (!JsonLite.TryParse(body, out var root) ||
                JsonLite.Member(root, "heartbeatList") is not Dictionary<string, object?> lists)
            {
                return false;
            }

            foreach (var pair in lists)
            {
                if (!int.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ||
                    pair.Value is not List<object?> beats || beats.Count == 0)
                {
                    continue;
                }

                var last = beats[beats.Count - 1];
                heartbeats.LastBeats[id] = new HeartbeatContent.LastBeat
                {
                    Status = Health(Integer(JsonLite.Member(last, "status"))),
                    Time = Time(JsonLite.Text(last, "time")),
                    PingMs = JsonLite.Member(last, "ping") is double ping ? (long)Math.Round(ping) : (long?)null,
                };
            }

            if (JsonLite.Member(root, "uptimeList") is Dictionary<string, object?> uptimes)
            {
                foreach (var pair in uptimes)
                {
                    // Only the 24 h window is sent ("<id>_24"); other windows come only as badges.
                    if (pair.Key.EndsWith("_24", StringComparison.Ordinal) && pair.Value is double fraction &&
                        int.TryParse(pair.Key.Substring(0, pair.Key.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    {
                        heartbeats.Uptime24[id] = fraction;
                    }
                }
            }

            return true;
        }

        /// <summary>The page's monitors with their last beat and uptime filled in, in page order.</summary>
        public static ComponentStatus[] Combine(StatusPageContent page, HeartbeatContent? heartbeats)
        {
            var result = new ComponentStatus[page.Monitors.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var monitor = page.Monitors[i];
                var component = new ComponentStatus { Id = monitor.Id, Name = monitor.Name, Group = monitor.Group };
                if (heartbeats is not null && heartbeats.LastBeats.TryGetValue(monitor.Id, out var beat))
                {
                    component.Status = beat.Status;
                    component.LastHeartbeat = beat.Time;
                    component.PingMs = beat.PingMs;
                }

                if (heartbeats is not null && heartbeats.Uptime24.TryGetValue(monitor.Id, out var fraction))
                {
                    component.Uptime24h = Math.Round(fraction * 100, 2, MidpointRounding.AwayFromZero);
                }

                result[i] = component;
            }

            return result;
        }

        /// <summary>Heartbeat status codes of Uptime Kuma's src/util.ts.</summary>
        public static ComponentHealth Health(int? status) => status switch
        {
            0 => ComponentHealth.Down,
            1 => ComponentHealth.Up,
            2 => ComponentHealth.Pending,
            3 => ComponentHealth.Maintenance,
            _ => ComponentHealth.Unknown,
        };

        /// <summary>Reads a time as UTC; null when it is absent or not a time.</summary>
        public static DateTime? Time(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            return DateTime.TryParseExact(text!.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : (DateTime?)null;
        }

        private static ServiceIncident Incident(object? incident) => new ServiceIncident
        {
            Kind = IncidentKind.Incident,
            Title = JsonLite.Text(incident, "title") ?? string.Empty,
            Content = JsonLite.Text(incident, "content"),
            Style = JsonLite.Text(incident, "style"),
            StartedAt = Time(JsonLite.Text(incident, "createdDate")),
            UpdatedAt = Time(JsonLite.Text(incident, "lastUpdatedDate")),
        };

        private static int? Integer(object? value) =>
            value is double number && number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue ? (int)number : (int?)null;
    }
}

using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Personalities.UptimeKuma
{
    /// <summary>
    /// Uptime Kuma's status-page answers. The shapes come from Resources/responses.json (EMU-UK-*,
    /// reconstructions from Uptime Kuma's source, uptime-kuma-api.md); the scenario fills in the page.
    /// </summary>
    public sealed class UptimeKumaAnswers
    {
        // Uptime Kuma (Express) sends monitor names and incidents as raw UTF-8, not \u escapes.
        private static readonly JsonSerializerOptions RawUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // The slug in EMU-UK-entry-page-matched, replaced by the scenario's.
        private const string SampleSlug = "chatanywhere";

        private readonly string _page2x;
        private readonly string _page1x;

        public UptimeKumaAnswers(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            EntryPageMatched = fixtures.Template("EMU-UK-entry-page-matched", SampleSlug);
            EntryPageUnmapped = fixtures.Answer("EMU-UK-entry-page-unmapped");
            PageNotFound = fixtures.Answer("UK-404-status-page-not-found");
            NoHeartbeats = fixtures.Answer("EMU-UK-heartbeat-empty");
            _page2x = fixtures.Get("EMU-UK-status-page-2x").WireBody;
            _page1x = fixtures.Get("EMU-UK-status-page-1x").WireBody;
        }

        public FixtureTemplate EntryPageMatched { get; }

        public CannedAnswer EntryPageUnmapped { get; }

        /// <summary>UK-404-status-page-not-found: an unknown slug.</summary>
        public CannedAnswer PageNotFound { get; }

        /// <summary>What the heartbeat route answers for an unknown slug.</summary>
        public CannedAnswer NoHeartbeats { get; }

        /// <summary>GET /api/status-page/{slug}: the fixture's config and shape, the scenario's groups, incidents and maintenance.</summary>
        public CannedAnswer Page(StatusPageDefinition page, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(page);
            bool is1x = page.Shape == "1";
            JsonObject body = JsonNode.Parse(is1x ? _page1x : _page2x)!.AsObject();
            JsonObject config = body["config"]!.AsObject();
            config["slug"] = page.Slug;
            config["title"] = page.Title;

            var incidents = new JsonArray();
            int incidentId = 1;
            foreach (StatusPageIncident incident in page.Incidents ?? [])
            {
                incidents.Add(new JsonObject
                {
                    ["id"] = incidentId++,
                    ["style"] = incident.Style,
                    ["title"] = incident.Title,
                    ["content"] = incident.Content,
                    ["pin"] = true,
                    ["active"] = true,
                    ["createdDate"] = SqlTime(now.AddHours(-1), withMilliseconds: false),
                    ["lastUpdatedDate"] = SqlTime(now.AddMinutes(-10), withMilliseconds: false),
                    ["status_page_id"] = 1,
                });
            }

            if (is1x)
            {
                // 1.23 shows one pinned incident at most.
                body["incident"] = incidents.Count == 0 ? null : incidents[0]!.DeepClone();
            }
            else
            {
                body["incidents"] = incidents;
            }

            var groups = new JsonArray();
            int groupId = 1;
            foreach (StatusPageGroup group in page.Groups ?? [])
            {
                var monitors = new JsonArray();
                foreach (StatusPageMonitor monitor in group.Monitors ?? [])
                {
                    monitors.Add(new JsonObject { ["id"] = monitor.Id, ["name"] = monitor.Name, ["sendUrl"] = false, ["type"] = "http" });
                }

                groups.Add(new JsonObject { ["id"] = groupId, ["name"] = group.Name, ["weight"] = groupId, ["monitorList"] = monitors });
                groupId++;
            }

            body["publicGroupList"] = groups;

            var maintenance = new JsonArray();
            int maintenanceId = 1;
            foreach (StatusPageMaintenance window in page.Maintenance ?? [])
            {
                string start = SqlTime(now.AddMinutes(-30), withMilliseconds: false);
                string end = SqlTime(now.AddMinutes(90), withMilliseconds: false);
                maintenance.Add(new JsonObject
                {
                    ["id"] = maintenanceId++,
                    ["title"] = window.Title,
                    ["description"] = window.Description ?? string.Empty,
                    ["strategy"] = "single",
                    ["intervalDay"] = 1,
                    ["active"] = true,
                    ["dateRange"] = new JsonArray(start, end),
                    ["timeRange"] = new JsonArray(new JsonObject { ["hours"] = 0, ["minutes"] = 0 }, new JsonObject { ["hours"] = 0, ["minutes"] = 0 }),
                    ["weekdays"] = new JsonArray(),
                    ["daysOfMonth"] = new JsonArray(),
                    ["timeslotList"] = new JsonArray(new JsonObject { ["startDate"] = start, ["endDate"] = end }),
                    ["cron"] = string.Empty,
                });
            }

            body["maintenanceList"] = maintenance;
            return CannedAnswer.Json(200, body.ToJsonString(RawUtf8));
        }

        /// <summary>GET /api/status-page/heartbeat/{slug}: page.Heartbeats beats per monitor (100 by default, as Uptime Kuma lists), one a minute, oldest first, the last a few seconds ago.</summary>
        public static CannedAnswer Heartbeats(StatusPageDefinition page, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(page);
            bool withMilliseconds = page.Shape != "1";
            var beats = new JsonObject();
            var uptimes = new JsonObject();
            foreach (StatusPageGroup group in page.Groups ?? [])
            {
                foreach (StatusPageMonitor monitor in group.Monitors ?? [])
                {
                    var list = new JsonArray();
                    for (int beat = page.Heartbeats - 1; beat >= 0; beat--)
                    {
                        int secondsAgo = 5 + (60 * beat);
                        int? ping = BeatPing(monitor);
                        list.Add(new JsonObject
                        {
                            ["status"] = (int)monitor.State,
                            ["time"] = SqlTime(now.AddSeconds(-secondsAgo), withMilliseconds),
                            ["msg"] = string.Empty,
                            ["ping"] = ping,
                        });
                    }

                    string id = monitor.Id.ToString(CultureInfo.InvariantCulture);
                    beats[id] = list;
                    uptimes[id + "_24"] = monitor.Uptime24;
                }
            }

            return CannedAnswer.Json(200, new JsonObject { ["heartbeatList"] = beats, ["uptimeList"] = uptimes }.ToJsonString(RawUtf8));
        }

        // SQL datetimes in UTC, as Uptime Kuma 2.x stores them (uptime-kuma-api.md §2).
        private static string SqlTime(DateTimeOffset time, bool withMilliseconds) =>
            time.UtcDateTime.ToString(withMilliseconds ? "yyyy-MM-dd HH:mm:ss.fff" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>The response time of a monitor's beats: a down or maintenance beat measured none.</summary>
        public static int? BeatPing(StatusPageMonitor monitor)
        {
            ArgumentNullException.ThrowIfNull(monitor);
            return monitor.State is MonitorState.Up or MonitorState.Pending ? monitor.PingMs ?? 200 : null;
        }
    }
}

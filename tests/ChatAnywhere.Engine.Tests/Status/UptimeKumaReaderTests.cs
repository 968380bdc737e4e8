using System;
using ChatAnywhere.Engine.Status;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>Uptime Kuma's status-page answers, 2.x and 1.x (shapes in docs/reference/uptime-kuma-api.md, from its source).</summary>
    public sealed class UptimeKumaReaderTests
    {
        // 2.x: an incidents array and the analytics trio (status_page.js getStatusPageData).
        public const string Page2x = "{\"config\":{\"slug\":\"ca\",\"title\":\"ChatAnywhere\",\"autoRefreshInterval\":300,\"analyticsId\":null},"
            + "\"incidents\":[{\"id\":1,\"style\":\"danger\",\"title\":\"Claude slow\",\"content\":\"Upstream\",\"pin\":true,\"active\":true,\"createdDate\":\"2026-11-27 09:00:00\",\"lastUpdatedDate\":null,\"status_page_id\":1}],"
            + "\"publicGroupList\":[{\"id\":1,\"name\":\"API\",\"weight\":1,\"monitorList\":[{\"id\":6,\"name\":\"GPT\",\"sendUrl\":false,\"type\":\"http\"},{\"id\":8,\"name\":\"Claude\",\"sendUrl\":false,\"type\":\"http\"}]},"
            + "{\"id\":2,\"name\":\"Other\",\"weight\":2,\"monitorList\":[{\"id\":3,\"name\":\"Gemini\",\"sendUrl\":false,\"type\":\"http\"},{\"id\":4,\"name\":\"Deepseek\",\"sendUrl\":false,\"type\":\"http\"}]}],"
            + "\"maintenanceList\":[{\"id\":1,\"title\":\"DB upgrade\",\"description\":\"Short\",\"strategy\":\"single\",\"active\":true,\"dateRange\":[\"2026-11-27 09:30:00\",\"2026-11-27 11:30:00\"],\"timeslotList\":[{\"startDate\":\"2026-11-27 09:30:00\",\"endDate\":\"2026-11-27 11:30:00\"}]}]}";

        // 1.23: one incident (or null), googleAnalyticsId.
        public const string Page1x = "{\"config\":{\"slug\":\"ca\",\"title\":\"Old\",\"googleAnalyticsId\":null},"
            + "\"incident\":{\"id\":3,\"style\":\"warning\",\"title\":\"Maintenance tonight\",\"content\":\"x\",\"createdDate\":\"2026-11-26 22:00:00\",\"lastUpdatedDate\":\"2026-11-26 23:15:30\"},"
            + "\"publicGroupList\":[{\"id\":1,\"name\":\"API\",\"monitorList\":[{\"id\":6,\"name\":\"GPT\"}]}],\"maintenanceList\":[]}";

        // Last beat decides: 6 up, 8 down (no ping), 3 pending, 4 maintenance.
        public const string Beats = "{\"heartbeatList\":{"
            + "\"6\":[{\"status\":0,\"time\":\"2026-11-27 09:58:00.100\",\"msg\":\"\",\"ping\":null},{\"status\":1,\"time\":\"2026-11-27 09:59:00.250\",\"msg\":\"\",\"ping\":181}],"
            + "\"8\":[{\"status\":0,\"time\":\"2026-11-27 09:59:01\",\"msg\":\"\",\"ping\":null}],"
            + "\"3\":[{\"status\":2,\"time\":\"2026-11-27 09:59:02\",\"msg\":\"\",\"ping\":90}],"
            + "\"4\":[{\"status\":3,\"time\":\"2026-11-27 09:59:03\",\"msg\":\"\",\"ping\":null}]},"
            + "\"uptimeList\":{\"6_24\":0.99954,\"8_24\":0.5,\"3_24\":1,\"4_24\":0.123456}}";

        [Fact]
        public void Reads_the_2x_page_with_groups_incidents_and_maintenance()
        {
            Assert.True(UptimeKumaReader.TryReadPage(Page2x, out var page));

            Assert.Equal("ChatAnywhere", page.Title);
            Assert.Equal(new[] { 6, 8, 3, 4 }, page.Monitors.ConvertAll(m => m.Id));
            Assert.Equal("Other", page.Monitors[2].Group);
            Assert.Equal(2, page.Incidents.Count);
            Assert.Equal(IncidentKind.Incident, page.Incidents[0].Kind);
            Assert.Equal("danger", page.Incidents[0].Style);
            Assert.Equal(new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc), page.Incidents[0].StartedAt);
            Assert.Null(page.Incidents[0].UpdatedAt);
            Assert.Equal(IncidentKind.Maintenance, page.Incidents[1].Kind);
            Assert.Equal("DB upgrade", page.Incidents[1].Title);
            Assert.Equal(new DateTime(2026, 11, 27, 11, 30, 0, DateTimeKind.Utc), page.Incidents[1].UpdatedAt);
        }

        [Fact]
        public void Reads_the_1x_page_with_its_single_incident_or_none()
        {
            Assert.True(UptimeKumaReader.TryReadPage(Page1x, out var page));
            var incident = Assert.Single(page.Incidents);
            Assert.Equal("Maintenance tonight", incident.Title);
            Assert.Equal(new DateTime(2026, 11, 26, 23, 15, 30, DateTimeKind.Utc), incident.UpdatedAt);

            Assert.True(UptimeKumaReader.TryReadPage(Page1x.Replace("\"incident\":{", "\"unused\":{", StringComparison.Ordinal).Replace("\"publicGroupList\"", "\"incident\":null,\"publicGroupList\"", StringComparison.Ordinal), out var quiet));
            Assert.Empty(quiet.Incidents);
        }

        [Fact]
        public void The_last_beat_decides_the_status_and_uptime_is_a_rounded_percentage()
        {
            Assert.True(UptimeKumaReader.TryReadPage(Page2x, out var page));
            Assert.True(UptimeKumaReader.TryReadHeartbeats(Beats, out var beats));

            var components = UptimeKumaReader.Combine(page, beats);

            Assert.Equal(new[] { ComponentHealth.Up, ComponentHealth.Down, ComponentHealth.Pending, ComponentHealth.Maintenance }, Array.ConvertAll(components, c => c.Status));
            Assert.Equal(99.95, components[0].Uptime24h);
            Assert.Equal(12.35, components[3].Uptime24h);
            Assert.Equal(181, components[0].PingMs);
            Assert.Null(components[1].PingMs);
            Assert.Equal(new DateTime(2026, 11, 27, 9, 59, 0, 250, DateTimeKind.Utc), components[0].LastHeartbeat);
            Assert.Equal(DateTimeKind.Utc, components[0].LastHeartbeat!.Value.Kind);
        }

        [Fact]
        public void A_monitor_without_beats_is_unknown()
        {
            Assert.True(UptimeKumaReader.TryReadPage(Page2x, out var page));
            Assert.True(UptimeKumaReader.TryReadHeartbeats("{\"heartbeatList\":{\"6\":[]},\"uptimeList\":{}}", out var beats));

            var components = UptimeKumaReader.Combine(page, beats);

            Assert.All(components, c => Assert.Equal(ComponentHealth.Unknown, c.Status));
            Assert.All(components, c => Assert.Null(c.Uptime24h));
        }

        [Theory]
        [InlineData("{\"type\":\"statusPageMatchedDomain\",\"statusPageSlug\":\"chatanywhere\"}", true, "chatanywhere")]
        [InlineData("{\"type\":\"entryPage\",\"entryPage\":\"dashboard\"}", true, null)]
        [InlineData("<!DOCTYPE html><html><title>Uptime Kuma</title></html>", false, null)]
        [InlineData("{\"status\":\"fail\",\"msg\":\"Status Page Not Found\"}", false, null)]
        public void Reads_the_entry_page(string body, bool isUptimeKuma, string? slug)
        {
            Assert.Equal(isUptimeKuma, UptimeKumaReader.TryReadEntryPage(body, out var found));
            Assert.Equal(slug, found);
        }

        [Theory]
        [InlineData("<html><head><title>Login</title></head><body>captive portal</body></html>")]
        [InlineData("{\"status\":\"fail\",\"msg\":\"Status Page Not Found\"}")]
        [InlineData("{\"config\":{},\"publicGroupList\":")]
        [InlineData("")]
        public void Refuses_what_is_not_a_status_page(string body)
        {
            Assert.False(UptimeKumaReader.TryReadPage(body, out _));
            Assert.False(UptimeKumaReader.TryReadHeartbeats(body, out _));
        }

        [Fact]
        public void An_unknown_slug_has_no_heartbeats()
        {
            // What the heartbeat route answers for an unknown slug (uptime-kuma-api.md §5).
            Assert.True(UptimeKumaReader.TryReadHeartbeats("{\"heartbeatList\":{},\"uptimeList\":{}}", out var beats));
            Assert.True(beats.IsEmpty);
        }
    }
}

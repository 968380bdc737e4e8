using System;
using System.Net;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Status;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>When the status page is not found, the monitors' badges stand in (uptime-kuma-api.md, "ChatAnywhere facts", §3).</summary>
    public sealed class StatusPageBadgeFallbackTests
    {
        private const string Svg = "image/svg+xml";
        private const string NoPageForHost = "{\"type\":\"entryPage\",\"entryPage\":\"dashboard\"}";

        /// <summary>badge-maker's flat badge as Uptime Kuma serves it: the title holds "label: message" (§3.1).</summary>
        private static string Badge(string title) =>
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"68\" height=\"20\" role=\"img\" aria-label=\"" + title + "\"><title>" + title +
            "</title><g><rect width=\"45\" height=\"20\" fill=\"#555\"/></g><g><text x=\"235\" y=\"140\">x</text></g></svg>";

        [Fact]
        public async Task A_host_without_a_page_is_read_from_the_badges_of_the_monitors_given()
        {
            var handler = new RoutedHandler()
                .On("/api/entry-page", HttpStatusCode.OK, NoPageForHost)
                .On("/api/badge/3/status", HttpStatusCode.OK, Badge("Status: Up"), Svg)
                .On("/api/badge/3/uptime/24", HttpStatusCode.OK, Badge("Uptime (24h): 99.95%"), Svg)
                .On("/api/badge/7/status", HttpStatusCode.OK, Badge("Status: Down"), Svg)
                .On("/api/badge/7/uptime/24", HttpStatusCode.OK, Badge("Uptime (24h): 87.50%"), Svg);

            var report = await StatusPageClientTests.ReadAsync(handler, "https://status.example/", new[] { 3, 7 });

            Assert.Equal(StatusPageState.Badges, report.State);
            Assert.Equal(new[] { ComponentHealth.Up, ComponentHealth.Down }, Array.ConvertAll(report.Components, c => c.Status));
            Assert.Equal(99.95, report.Components[0].Uptime24h!.Value, 6);
            Assert.Equal(87.5, report.Components[1].Uptime24h!.Value, 6);
            Assert.Equal("Monitor 7", report.Components[1].Name);
            Assert.Contains("badges of monitors 3, 7", report.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Badges_that_all_say_NA_leave_the_page_not_found()
        {
            var handler = new RoutedHandler()
                .On("/api/entry-page", HttpStatusCode.OK, NoPageForHost)
                .On("/api/badge/3/status", HttpStatusCode.OK, Badge("N/A"), Svg)
                .On("/api/badge/3/uptime/24", HttpStatusCode.OK, Badge("N/A"), Svg);

            var report = await StatusPageClientTests.ReadAsync(handler, "https://status.example/", new[] { 3 });

            Assert.Equal(StatusPageState.NotFound, report.State);
            Assert.Empty(report.Components);
            Assert.Contains("say nothing either", report.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Without_monitors_to_read_a_missing_page_stays_not_found_and_no_badge_is_asked_for()
        {
            var handler = new RoutedHandler().On("/api/entry-page", HttpStatusCode.OK, NoPageForHost);

            var report = await StatusPageClientTests.ReadAsync(handler, "https://status.example/", null);

            Assert.Equal(StatusPageState.NotFound, report.State);
            Assert.Equal(1, handler.Requests);
        }

        [Fact]
        public void ChatAnywheres_status_hosts_read_its_README_monitors_by_default()
        {
            foreach (var host in new[] { "https://status.chatanywhere.tech", "https://STATUS.chatanywhere.org/" })
            {
                var location = StatusPageLocation.TryParse(host, null, out _)!;
                Assert.Equal(new[] { 6, 10, 8, 3, 4 }, Array.ConvertAll(location.BadgeMonitors, m => m.Id));
            }

            Assert.Empty(StatusPageLocation.TryParse("https://status.example", null, out _)!.BadgeMonitors);
        }

        [Theory]
        [InlineData("<svg><title>Status: Up</title></svg>", true, "Up")]
        [InlineData("<svg><title>N/A</title></svg>", true, "N/A")]
        [InlineData("<svg><title>My &amp; API: Maintenance</title></svg>", true, "Maintenance")]
        [InlineData("<html><title>502 Bad Gateway</title></html>", false, "")]
        [InlineData("<svg></svg>", false, "")]
        [InlineData(null, false, "")]
        public void A_badge_message_is_read_from_the_svg_title(string? svg, bool read, string message)
        {
            Assert.Equal(read, UptimeKumaBadgeReader.TryReadMessage(svg, out var found));
            Assert.Equal(message, found);
        }

        [Theory]
        [InlineData("100.0%", 100.0)]
        [InlineData("99.95%", 99.95)]
        [InlineData("N/A", null)]
        [InlineData("150%", null)]
        [InlineData("abc%", null)]
        public void An_uptime_badge_is_a_percentage(string message, double? percent)
        {
            Assert.Equal(percent, UptimeKumaBadgeReader.UptimePercent(message));
        }
    }
}

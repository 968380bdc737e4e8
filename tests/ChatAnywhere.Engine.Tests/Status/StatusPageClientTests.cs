using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Status;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>Reading a status page over scripted HTTP: every state, none of them an exception.</summary>
    public sealed class StatusPageClientTests
    {
        private const string Root = "https://status.example/";
        private const string Empty = "{\"heartbeatList\":{},\"uptimeList\":{}}";

        /// <summary>Reads the page at <paramref name="uri"/> through the scripted handler (with -MonitorId's ids, when given).</summary>
        internal static Task<StatusPageReport> ReadAsync(RoutedHandler handler, string uri, int[]? monitorIds = null)
        {
            var client = new HttpClient(handler);
            var location = StatusPageLocation.TryParse(uri, monitorIds, out _)!;
            return new StatusPageClient(client, TimeSpan.FromSeconds(5), 64 * 1024).ReadAsync(location, CancellationToken.None);
        }

        [Fact]
        public async Task Finds_the_slug_through_the_entry_page_and_reads_the_page()
        {
            var handler = new RoutedHandler()
                .On("/api/entry-page", HttpStatusCode.OK, "{\"type\":\"statusPageMatchedDomain\",\"statusPageSlug\":\"CA\"}")
                .On("/api/status-page/ca", HttpStatusCode.OK, UptimeKumaReaderTests.Page2x)
                .On("/api/status-page/heartbeat/ca", HttpStatusCode.OK, UptimeKumaReaderTests.Beats);

            var report = await ReadAsync(handler, Root);

            Assert.Equal(StatusPageState.Read, report.State);
            Assert.Null(report.Problem);
            Assert.Equal("https://status.example/status/ca", report.Uri);
            Assert.Equal(4, report.Components.Length);
            Assert.Equal(2, report.Incidents.Length);
        }

        [Fact]
        public async Task A_slug_in_the_url_is_used_under_a_path_prefix_and_the_1x_shape_is_read()
        {
            var handler = new RoutedHandler()
                .On("/kuma/api/status-page/main", HttpStatusCode.OK, UptimeKumaReaderTests.Page1x)
                .On("/kuma/api/status-page/heartbeat/main", HttpStatusCode.OK, UptimeKumaReaderTests.Beats);

            var report = await ReadAsync(handler, "https://status.example/kuma/status/Main");

            Assert.Equal(StatusPageState.Read, report.State);
            Assert.Equal(ComponentHealth.Up, Assert.Single(report.Components).Status);
            Assert.Equal("Maintenance tonight", Assert.Single(report.Incidents).Title);
        }

        [Fact]
        public async Task An_unknown_slug_is_not_found()
        {
            // UK-404-status-page-not-found.
            var handler = new RoutedHandler()
                .On("/api/status-page/nope", HttpStatusCode.NotFound, "{\"status\":\"fail\",\"msg\":\"Status Page Not Found\"}")
                .On("/api/status-page/heartbeat/nope", HttpStatusCode.OK, Empty);

            var report = await ReadAsync(handler, Root + "status/nope");

            Assert.Equal(StatusPageState.NotFound, report.State);
            Assert.Contains("Status Page Not Found", report.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_page_with_monitors_but_no_heartbeats_is_a_wrong_slug()
        {
            var handler = new RoutedHandler()
                .On("/api/status-page/ca", HttpStatusCode.OK, UptimeKumaReaderTests.Page2x)
                .On("/api/status-page/heartbeat/ca", HttpStatusCode.OK, Empty);

            var report = await ReadAsync(handler, Root + "status/ca");

            Assert.Equal(StatusPageState.NotFound, report.State);
        }

        [Fact]
        public async Task A_host_mapped_to_no_page_says_how_to_name_one()
        {
            var handler = new RoutedHandler().On("/api/entry-page", HttpStatusCode.OK, "{\"type\":\"entryPage\",\"entryPage\":\"dashboard\"}");

            var report = await ReadAsync(handler, Root);

            Assert.Equal(StatusPageState.NotFound, report.State);
            Assert.Contains("-StatusPageUri https://status.example/status/", report.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Html_is_not_uptime_kuma()
        {
            var handler = new RoutedHandler().On("/api/entry-page", HttpStatusCode.OK, "<html><head><title>Login</title></head><body>captive portal</body></html>", "text/html");

            var report = await ReadAsync(handler, Root);

            Assert.Equal(StatusPageState.NotUptimeKuma, report.State);
            Assert.Contains("text/html", report.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_busy_database_or_no_connection_is_unreachable()
        {
            // UK-503-sqlite-busy on the page route.
            var busy = new RoutedHandler()
                .On("/api/status-page/ca", HttpStatusCode.ServiceUnavailable, "{\"status\":\"fail\",\"msg\":\"SQLITE_BUSY: database is locked\"}")
                .On("/api/status-page/heartbeat/ca", HttpStatusCode.OK, UptimeKumaReaderTests.Beats);
            var refused = new RoutedHandler().Failing("/api/entry-page", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));

            var busyReport = await ReadAsync(busy, Root + "status/ca");
            var refusedReport = await ReadAsync(refused, Root);

            Assert.Equal(StatusPageState.Unreachable, busyReport.State);
            Assert.Contains("SQLITE_BUSY", busyReport.Problem, StringComparison.Ordinal);
            Assert.Equal(StatusPageState.Unreachable, refusedReport.State);
            Assert.Contains("ConnectionRefused", refusedReport.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Failing_heartbeats_leave_the_page_read_with_unknown_monitors()
        {
            var handler = new RoutedHandler()
                .On("/api/status-page/ca", HttpStatusCode.OK, UptimeKumaReaderTests.Page2x)
                .On("/api/status-page/heartbeat/ca", HttpStatusCode.ServiceUnavailable, "{\"status\":\"fail\",\"msg\":\"SQLITE_BUSY: database is locked\"}");

            var report = await ReadAsync(handler, Root + "status/ca");

            Assert.Equal(StatusPageState.Read, report.State);
            Assert.All(report.Components, c => Assert.Equal(ComponentHealth.Unknown, c.Status));
            Assert.NotNull(report.Problem);
        }

        [Theory]
        [InlineData("https://status.chatanywhere.tech", "https://status.chatanywhere.tech/", null)]
        [InlineData("https://h.example/kuma/status/Main/", "https://h.example/kuma/", "main")]
        [InlineData("http://127.0.0.1:5000/uptime-kuma", "http://127.0.0.1:5000/uptime-kuma/", null)]
        public void Parses_the_status_page_url(string text, string root, string? slug)
        {
            var location = StatusPageLocation.TryParse(text, out var error);
            Assert.Null(error);
            Assert.Equal(root, location!.Root.AbsoluteUri);
            Assert.Equal(slug, location.Slug);
        }

        [Theory]
        [InlineData("status.example")]
        [InlineData("ftp://status.example")]
        [InlineData("https://status.example/?x=1")]
        public void Refuses_what_is_not_a_status_page_url(string text)
        {
            Assert.Null(StatusPageLocation.TryParse(text, out var error));
            Assert.NotNull(error);
        }
    }
}

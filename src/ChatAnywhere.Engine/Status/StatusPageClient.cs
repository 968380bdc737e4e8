using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Reads an Uptime Kuma status page through its public API (docs/reference/uptime-kuma-api.md):
    /// the slug from the URL or from /api/entry-page, then the page and its heartbeats at once.
    /// Whatever goes wrong is the report's state, never an exception.
    /// </summary>
    internal sealed class StatusPageClient
    {
        private readonly HttpClient _client;
        private readonly TimeSpan _timeout;
        private readonly int _bodyLimit;
        private readonly IProbeLog _log;

        /// <summary>Creates a client over the invocation's HttpClient.</summary>
        public StatusPageClient(HttpClient client, TimeSpan timeout, int bodyLimit, IProbeLog? log = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _timeout = timeout;
            _bodyLimit = bodyLimit;
            _log = log ?? NullProbeLog.Instance;
        }

        /// <summary>Reads the page; when it is not found, the badges of the location's monitors, if it names any.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public async Task<StatusPageReport> ReadAsync(StatusPageLocation location, CancellationToken cancellationToken)
        {
            if (location is null)
            {
                throw new ArgumentNullException(nameof(location));
            }

            var report = await ReadPageAsync(location, cancellationToken).ConfigureAwait(false);
            return report.State == StatusPageState.NotFound && location.BadgeMonitors.Length > 0
                ? await ReadBadgesAsync(location, report, cancellationToken).ConfigureAwait(false)
                : report;
        }

        private async Task<StatusPageReport> ReadPageAsync(StatusPageLocation location, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var slug = location.Slug;
            if (slug is null)
            {
                var entry = await GetAsync(location.EntryPageUri, cancellationToken).ConfigureAwait(false);
                if (Unanswered(entry, location, null) is { } failed)
                {
                    return failed;
                }

                if (!UptimeKumaReader.TryReadEntryPage(entry.Response!.Body, out slug))
                {
                    return NotUptimeKuma(location, null, location.EntryPageUri, entry);
                }

                if (string.IsNullOrEmpty(slug))
                {
                    return new StatusPageReport
                    {
                        State = StatusPageState.NotFound,
                        Uri = location.BrowserUri(null),
                        Problem = $"Uptime Kuma at {location.BrowserUri(null)} maps no status page to this host name. Pass -StatusPageUri {location.BrowserUri(null)}/status/<slug>.",
                    };
                }

                slug = slug!.ToLowerInvariant();
            }

            var pageTask = GetAsync(location.PageUri(slug!), cancellationToken);
            var beatsTask = GetAsync(location.HeartbeatUri(slug!), cancellationToken);
            await Task.WhenAll(pageTask, beatsTask).ConfigureAwait(false);
            var report = Interpret(location, slug!, await pageTask.ConfigureAwait(false), await beatsTask.ConfigureAwait(false));
            _log.Verbose($"Status page {report.Uri}: {report.State}, {report.Components.Length} monitors, {report.Incidents.Length} notices, in {watch.ElapsedMilliseconds} ms.");
            return report;
        }

        /// <summary>
        /// The fallback when the page is not found (uptime-kuma-api.md, "ChatAnywhere facts"): each monitor's status and
        /// 24 h uptime badges, read at once. Badges that all say N/A (or cannot be read) leave the page NotFound.
        /// </summary>
        private async Task<StatusPageReport> ReadBadgesAsync(StatusPageLocation location, StatusPageReport notFound, CancellationToken cancellationToken)
        {
            var monitors = location.BadgeMonitors;
            var statusBadges = new Task<AnonymousGetResult>[monitors.Length];
            var uptimeBadges = new Task<AnonymousGetResult>[monitors.Length];
            for (var i = 0; i < monitors.Length; i++)
            {
                statusBadges[i] = GetAsync(location.BadgeUri(monitors[i].Id, "status"), cancellationToken);
                uptimeBadges[i] = GetAsync(location.BadgeUri(monitors[i].Id, "uptime/24"), cancellationToken);
            }

            await Task.WhenAll(Task.WhenAll(statusBadges), Task.WhenAll(uptimeBadges)).ConfigureAwait(false);
            var components = new ComponentStatus[monitors.Length];
            var known = 0;
            for (var i = 0; i < monitors.Length; i++)
            {
                var status = BadgeMessage(await statusBadges[i].ConfigureAwait(false));
                var uptime = BadgeMessage(await uptimeBadges[i].ConfigureAwait(false));
                components[i] = new ComponentStatus
                {
                    Id = monitors[i].Id,
                    Name = monitors[i].Name,
                    Group = "badges",
                    Status = status is null ? ComponentHealth.Unknown : UptimeKumaBadgeReader.Health(status),
                    Uptime24h = uptime is null ? null : UptimeKumaBadgeReader.UptimePercent(uptime),
                };
                known += status is not null && !UptimeKumaBadgeReader.IsNotAvailable(status) ? 1 : 0;
            }

            var ids = string.Join(", ", Array.ConvertAll(monitors, monitor => monitor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            _log.Verbose($"Badges of monitors {ids}: {known} of {monitors.Length} read.");
            if (known == 0)
            {
                notFound.Problem += $" The badges of monitors {ids} say nothing either (N/A, or no badge).";
                return notFound;
            }

            return new StatusPageReport
            {
                State = StatusPageState.Badges,
                Uri = location.BrowserUri(null),
                Components = components,
                Problem = notFound.Problem + $" Read instead: the badges of monitors {ids} (states and 24 h uptime; no incidents or maintenance notices).",
            };
        }

        private static string? BadgeMessage(AnonymousGetResult badge) =>
            badge.Response is { StatusCode: 200 } response && UptimeKumaBadgeReader.TryReadMessage(response.Body, out var message) ? message : null;

        private StatusPageReport Interpret(StatusPageLocation location, string slug, AnonymousGetResult page, AnonymousGetResult beats)
        {
            var uri = location.BrowserUri(slug);
            if (Unanswered(page, location, slug) is { } failed)
            {
                return failed;
            }

            var envelope = ErrorEnvelopeReader.Read(page.Response!.Body, ErrorEnvelopeReader.LooksLikeHtml(page.Response.Body));
            if (envelope.IsUptimeKumaFailure && page.Response.StatusCode == 404)
            {
                // UK-404-status-page-not-found: the answer to an unknown slug.
                return new StatusPageReport
                {
                    State = StatusPageState.NotFound,
                    Uri = uri,
                    Problem = $"Uptime Kuma has no status page '{slug}' ({envelope.Message}). Pass -StatusPageUri {location.BrowserUri(null)}/status/<slug> with the slug shown in the page's address.",
                };
            }

            if (!UptimeKumaReader.TryReadPage(page.Response.Body, out var content))
            {
                return NotUptimeKuma(location, slug, location.PageUri(slug), page);
            }

            var report = new StatusPageReport { State = StatusPageState.Read, Uri = uri, Incidents = content.Incidents.ToArray() };
            if (beats.Response is null || beats.Response.StatusCode != 200 || !UptimeKumaReader.TryReadHeartbeats(beats.Response.Body, out var heartbeats))
            {
                // The page is there; only the monitors' states are missing (UK-503-sqlite-busy is one way).
                report.Components = UptimeKumaReader.Combine(content, null);
                report.Problem = $"The heartbeats could not be read ({beats.Describe()}), so the monitors' states are Unknown.";
                return report;
            }

            if (heartbeats.IsEmpty && content.Monitors.Count > 0)
            {
                // An unknown slug gets {"heartbeatList":{},"uptimeList":{}} (uptime-kuma-api.md §5).
                return new StatusPageReport
                {
                    State = StatusPageState.NotFound,
                    Uri = uri,
                    Incidents = report.Incidents,
                    Components = UptimeKumaReader.Combine(content, null),
                    Problem = $"Uptime Kuma sent no heartbeats for status page '{slug}': the slug is probably wrong.",
                };
            }

            report.Components = UptimeKumaReader.Combine(content, heartbeats);
            return report;
        }

        private static StatusPageReport? Unanswered(AnonymousGetResult result, StatusPageLocation location, string? slug)
        {
            if (result.Response is null)
            {
                return new StatusPageReport
                {
                    State = StatusPageState.Unreachable,
                    Uri = location.BrowserUri(slug),
                    Problem = $"The status page at {location.BrowserUri(null)} did not answer ({result.Failure?.Reason}): {result.Failure?.Message}",
                };
            }

            if (result.Response.StatusCode >= 500)
            {
                var envelope = ErrorEnvelopeReader.Read(result.Response.Body, ErrorEnvelopeReader.LooksLikeHtml(result.Response.Body));
                return new StatusPageReport
                {
                    State = StatusPageState.Unreachable,
                    Uri = location.BrowserUri(slug),
                    Problem = $"The status page at {location.BrowserUri(null)} answered {result.Response.StatusCode}{(envelope.Message is null ? string.Empty : ": " + envelope.Message)}.",
                };
            }

            return null;
        }

        private static StatusPageReport NotUptimeKuma(StatusPageLocation location, string? slug, Uri asked, AnonymousGetResult result) => new StatusPageReport
        {
            State = StatusPageState.NotUptimeKuma,
            Uri = location.BrowserUri(slug),
            Problem = $"{asked} answered {result.Describe()}{(result.Response!.BodyTruncated ? " (over 64 KiB, cut)" : string.Empty)}, not Uptime Kuma's status-page API. Check -StatusPageUri: give the Uptime Kuma root or https://host/status/<slug>.",
        };

        private Task<AnonymousGetResult> GetAsync(Uri uri, CancellationToken cancellationToken)
        {
            _log.Verbose($"GET {uri}");
            return AnonymousGet.SendAsync(_client, uri, _timeout, _bodyLimit, cancellationToken);
        }
    }
}

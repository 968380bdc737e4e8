using System;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.UptimeKuma
{
    /// <summary>
    /// An Uptime Kuma status page at /uptime-kuma, as the scenario's "statusPage" describes it: the
    /// three public routes Get-ServiceStatus reads and the status, uptime and page badges
    /// (docs/reference/uptime-kuma-api.md). Without a "statusPage" section every slug is unknown.
    /// </summary>
    public sealed class UptimeKumaPersonality : IPersonality
    {
        private const string EntryPagePath = "/api/entry-page";
        private const string HeartbeatPrefix = "/api/status-page/heartbeat/";
        private const string PagePrefix = "/api/status-page/";

        private static readonly CannedAnswer NotEmulated = CannedAnswer.Empty(StatusCodes.Status404NotFound);

        private readonly UptimeKumaAnswers _answers;

        public UptimeKumaPersonality(UptimeKumaAnswers answers)
        {
            _answers = answers;
        }

        public string Name => "uptime-kuma";

        public PathString Prefix { get; } = new("/uptime-kuma");

        public Task AnswerAsync(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            StatusPageDefinition? page = request.Scenario.Definition.StatusPage;
            string path = request.PathWithin.Value ?? "/";
            CannedAnswer answer;
            if (!HttpMethods.IsGet(request.Method))
            {
                answer = NotEmulated;
            }
            else if (string.Equals(path, EntryPagePath, StringComparison.OrdinalIgnoreCase))
            {
                answer = page is { DomainMapped: true } ? _answers.EntryPageMatched.Fill(page.Slug) : _answers.EntryPageUnmapped;
            }
            else if (UptimeKumaBadges.IsMonitorBadge(path))
            {
                answer = UptimeKumaBadges.MonitorBadge(page, path, request.Context.Request.Query) ?? NotEmulated;
            }
            else if (UptimeKumaBadges.PageBadgeSlug(path, PagePrefix) is string badgeSlug)
            {
                answer = UptimeKumaBadges.PageBadge(page, badgeSlug, request.Context.Request.Query);
            }
            else if (path.StartsWith(HeartbeatPrefix, StringComparison.OrdinalIgnoreCase))
            {
                answer = Matches(page, path[HeartbeatPrefix.Length..]) ? UptimeKumaAnswers.Heartbeats(page!, request.ReceivedAt) : _answers.NoHeartbeats;
            }
            else if (path.StartsWith(PagePrefix, StringComparison.OrdinalIgnoreCase))
            {
                answer = Matches(page, path[PagePrefix.Length..]) ? _answers.Page(page!, request.ReceivedAt) : _answers.PageNotFound;
            }
            else
            {
                // The HTML app is not emulated.
                answer = NotEmulated;
            }

            return answer.WriteAsync(request.Context);
        }

        // Uptime Kuma lower-cases the slug it is asked for (status-page-router.js).
        private static bool Matches(StatusPageDefinition? page, string slug) =>
            page is not null && !slug.Contains('/', StringComparison.Ordinal) &&
            string.Equals(Uri.UnescapeDataString(slug).ToLowerInvariant(), page.Slug, StringComparison.Ordinal);
    }
}

using System;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Where an Uptime Kuma status page's API lives: its root (which may carry a path prefix when
    /// Uptime Kuma sits behind a reverse proxy) and, when the URL named one, the page's slug.
    /// </summary>
    internal sealed class StatusPageLocation
    {
        private StatusPageLocation(Uri root, string? slug, BadgeMonitor[] badgeMonitors)
        {
            Root = root;
            Slug = slug;
            BadgeMonitors = badgeMonitors;
        }

        /// <summary>The Uptime Kuma root, ending in a slash.</summary>
        public Uri Root { get; }

        /// <summary>The slug from a /status/{slug} URL; null to ask /api/entry-page.</summary>
        public string? Slug { get; }

        /// <summary>The monitors whose badges are read when the page cannot be (an unknown slug); may be empty.</summary>
        public BadgeMonitor[] BadgeMonitors { get; }

        /// <summary>A monitor's badge: "status", or "uptime/24" (uptime-kuma-api.md §3).</summary>
        public Uri BadgeUri(int monitorId, string badge) => new Uri(Root, "api/badge/" + monitorId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + badge);

        /// <summary>GET here tells the slug mapped to the host (uptime-kuma-api.md, "ChatAnywhere facts").</summary>
        public Uri EntryPageUri => new Uri(Root, "api/entry-page");

        /// <summary>The page's configuration, incidents, groups and maintenance.</summary>
        public Uri PageUri(string slug) => new Uri(Root, "api/status-page/" + Uri.EscapeDataString(slug));

        /// <summary>The page's heartbeats and 24 h uptimes.</summary>
        public Uri HeartbeatUri(string slug) => new Uri(Root, "api/status-page/heartbeat/" + Uri.EscapeDataString(slug));

        /// <summary>The page as a browser opens it.</summary>
        public string BrowserUri(string? slug) => slug is null
            ? Root.AbsoluteUri.TrimEnd('/')
            : new Uri(Root, "status/" + Uri.EscapeDataString(slug)).AbsoluteUri;

        /// <summary>Parses -StatusPageUri: https://host[/prefix] or https://host[/prefix]/status/{slug}.</summary>
        public static StatusPageLocation? TryParse(string? text, out string? error) => TryParse(text, null, out error);

        /// <summary>
        /// Parses -StatusPageUri, with the monitors whose badges stand in for an unreadable page: the ids given, else
        /// ChatAnywhere's for its status hosts, else none.
        /// </summary>
        public static StatusPageLocation? TryParse(string? text, int[]? monitorIds, out string? error)
        {
            error = null;
            var trimmed = (text ?? string.Empty).Trim();
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                error = $"'{trimmed}' is not an http or https URL. Give the status page as https://host or https://host/status/<slug>.";
                return null;
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                error = $"The status page URL '{uri.GetLeftPart(UriPartial.Path)}' must not have a query string, fragment or user name.";
                return null;
            }

            var path = uri.AbsolutePath.TrimEnd('/');
            string? slug = null;
            var marker = path.LastIndexOf("/status/", StringComparison.OrdinalIgnoreCase);
            if (marker >= 0 && path.IndexOf('/', marker + "/status/".Length) < 0)
            {
                // Uptime Kuma lower-cases slugs (status-page-router.js).
                slug = Uri.UnescapeDataString(path.Substring(marker + "/status/".Length)).ToLowerInvariant();
                path = path.Substring(0, marker);
                if (slug.Length == 0)
                {
                    slug = null;
                }
            }

            var root = new UriBuilder(uri.Scheme, uri.Host, uri.Port, path + "/").Uri;
            return new StatusPageLocation(root, slug, BadgeMonitorsFor(uri.Host, monitorIds));
        }

        private static BadgeMonitor[] BadgeMonitorsFor(string host, int[]? monitorIds)
        {
            if (monitorIds is { Length: > 0 })
            {
                var given = new BadgeMonitor[monitorIds.Length];
                for (var i = 0; i < given.Length; i++)
                {
                    given[i] = new BadgeMonitor(monitorIds[i], "Monitor " + monitorIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return given;
            }

            return KnownHosts.IsChatAnywhereStatusHost(host) ? BadgeMonitor.ChatAnywhere : Array.Empty<BadgeMonitor>();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.UptimeKuma
{
    /// <summary>
    /// Uptime Kuma's SVG badges (docs/reference/uptime-kuma-api.md §3): a monitor's status and uptime, and a status
    /// page's overall state, drawn from the scenario's monitors. A monitor that is not on the page is not public, so
    /// its badges say "N/A" in grey with 200, as are a page's when the slug is unknown.
    /// </summary>
    public static class UptimeKumaBadges
    {
        private const string BadgePrefix = "/api/badge/";
        private const string PageBadgeSuffix = "/badge";
        private const string NotAvailable = "N/A";
        private const string NotAvailableColor = "#999";
        private const string UpColor = "#66c20a";
        private const string DownColor = "#c2290a";
        private const string PendingColor = "#f8a306";
        private const string MaintenanceColor = "#1747f5";

        // Every badge route is cached for 5 minutes by apicache, which says so in Cache-Control (§3.1).
        private static readonly KeyValuePair<string, string> CacheFiveMinutes = new("Cache-Control", "max-age=300");

        // The monitor badges allow any origin (allowAllOrigin); the page badge only in development, so not here (§3.1).
        private static readonly KeyValuePair<string, string>[] MonitorBadgeHeaders =
        [
            CacheFiveMinutes,
            new("Access-Control-Allow-Origin", "*"),
            new("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, OPTIONS"),
            new("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept"),
        ];

        public static bool IsMonitorBadge(string path) => path.StartsWith(BadgePrefix, StringComparison.OrdinalIgnoreCase);

        /// <summary>The page badge's slug, if <paramref name="path"/> is /api/status-page/{slug}/badge.</summary>
        public static string? PageBadgeSlug(string path, string pagePrefix)
        {
            ArgumentNullException.ThrowIfNull(path);
            if (!path.StartsWith(pagePrefix, StringComparison.OrdinalIgnoreCase) || !path.EndsWith(PageBadgeSuffix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string slug = path[pagePrefix.Length..^PageBadgeSuffix.Length];
            return slug.Length > 0 && !slug.Contains('/', StringComparison.Ordinal) ? slug : null;
        }

        /// <summary>GET /api/badge/{id}/status, response, uptime/{duration?}, ping/{duration?} or avg-response/{duration?}; null for cert-exp.</summary>
        public static CannedAnswer? MonitorBadge(StatusPageDefinition? page, string path, IQueryCollection query)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(query);
            string[] parts = path[BadgePrefix.Length..].Split('/');
            string kind = parts.Length > 1 ? parts[1].ToLowerInvariant() : string.Empty;
            bool served = (parts.Length == 2 && kind is "status" or "response") || (parts.Length is 2 or 3 && kind is "uptime" or "ping" or "avg-response");
            if (!served)
            {
                // cert-exp is not emulated: the scenario's monitors have no certificates.
                return null;
            }

            // parseInt reads the leading digits; none is "Invalid monitor ID", answered by sendHttpError with 403.
            if (ParseIntPrefix(parts[0]) is not int id)
            {
                return Failure("Invalid monitor ID");
            }

            StatusPageMonitor? monitor = page?.Groups?.SelectMany(group => group.Monitors ?? []).FirstOrDefault(candidate => candidate.Id == id);
            if (monitor is null)
            {
                return Svg(BadgeSvg.Render(string.Empty, NotAvailable, NotAvailableColor), MonitorBadgeHeaders);
            }

            string? duration = parts.Length == 3 ? parts[2] : null;
            return kind switch
            {
                "status" => StatusBadge(monitor, query),
                "uptime" => UptimeBadge(monitor, duration, query),
                _ => PingBadge(monitor, kind, duration, query),
            };
        }

        /// <summary>GET /api/status-page/{slug}/badge: Up, Degraded, Down or Maintenance over the page's monitors.</summary>
        public static CannedAnswer PageBadge(StatusPageDefinition? page, string slug, IQueryCollection query)
        {
            ArgumentNullException.ThrowIfNull(query);
            bool known = page is not null && string.Equals(Uri.UnescapeDataString(slug).ToLowerInvariant(), page.Slug, StringComparison.Ordinal);
            MonitorState[] states = known ? [.. page!.Groups.SelectMany(group => group.Monitors ?? []).Select(monitor => monitor.State)] : [];
            // Pending beats are ignored; maintenance outranks the rest.
            bool hasUp = states.Contains(MonitorState.Up);
            bool hasDown = states.Contains(MonitorState.Down);
            bool hasMaintenance = states.Contains(MonitorState.Maintenance);
            string label = Text(query, "label") ?? string.Empty;
            string svg = (hasUp, hasDown, hasMaintenance) switch
            {
                (false, false, false) => BadgeSvg.Render(string.Empty, NotAvailable, NotAvailableColor),
                (_, _, true) => BadgeSvg.Render(label, "Maintenance", Text(query, "maintenanceColor") ?? "#808080"),
                (true, false, _) => BadgeSvg.Render(label, "Up", Text(query, "upColor") ?? UpColor),
                (true, true, _) => BadgeSvg.Render(label, "Degraded", Text(query, "partialColor") ?? "#F6BE00"),
                _ => BadgeSvg.Render(label, "Down", Text(query, "downColor") ?? DownColor),
            };
            return Svg(svg, [CacheFiveMinutes]);
        }

        private static CannedAnswer StatusBadge(StatusPageMonitor monitor, IQueryCollection query)
        {
            (string message, string color) = monitor.State switch
            {
                MonitorState.Down => (Text(query, "downLabel") ?? "Down", Text(query, "downColor") ?? DownColor),
                MonitorState.Up => (Text(query, "upLabel") ?? "Up", Text(query, "upColor") ?? UpColor),
                MonitorState.Pending => (Text(query, "pendingLabel") ?? "Pending", Text(query, "pendingColor") ?? PendingColor),
                _ => (Text(query, "maintenanceLabel") ?? "Maintenance", Text(query, "maintenanceColor") ?? MaintenanceColor),
            };
            return Svg(BadgeSvg.Render(Text(query, "label") ?? "Status", message, color), MonitorBadgeHeaders);
        }

        // The scenario keeps one uptime figure (uptime24); it is sent for every duration.
        private static CannedAnswer UptimeBadge(StatusPageMonitor monitor, string? duration, IQueryCollection query)
        {
            // Bare digits are hours; the label drops the unit and appends labelSuffix ("h" by default) whatever it was.
            string requested = Hours(duration);
            string label = Join(Text(query, "labelPrefix"), Text(query, "label") ?? $"Uptime ({requested[..^1]}{Text(query, "labelSuffix") ?? "h"})");
            string message = Join(Text(query, "prefix"), UptimeText(monitor.Uptime24), Text(query, "suffix") ?? "%");
            string color = Text(query, "color") ?? UptimeColor(monitor.Uptime24);
            return Svg(BadgeSvg.Render(label, message, color, Text(query, "labelColor")), MonitorBadgeHeaders);
        }

        /// <summary>
        /// The ping badges (api-router.js#L285-L349, #L351-L422, #L507-L560): the average ping over a duration ("Avg. Ping (24h)",
        /// "Avg. Response (24h)") or the last heartbeat's ("Response"), in "ms" on badge-maker's blue. The scenario has one ping
        /// (pingMs), sent for every duration; a monitor whose last beat has no ping (down, maintenance) is N/A.
        /// </summary>
        private static CannedAnswer PingBadge(StatusPageMonitor monitor, string kind, string? duration, IQueryCollection query)
        {
            int? ping = UptimeKumaAnswers.BeatPing(monitor);
            if (ping is null)
            {
                return Svg(BadgeSvg.Render(string.Empty, NotAvailable, NotAvailableColor), MonitorBadgeHeaders);
            }

            string label = kind switch
            {
                // Bare digits are hours; the label drops the unit and appends labelSuffix ("h" by default).
                "ping" => Join(Text(query, "labelPrefix"), Text(query, "label") ?? $"Avg. Ping ({Hours(duration)[..^1]}{Text(query, "labelSuffix") ?? "h"})"),
                // parseInt of the duration, capped at 720 hours; labelSuffix is appended after the label.
                "avg-response" => Join(Text(query, "labelPrefix"), Text(query, "label") ?? $"Avg. Response ({AvgResponseHours(duration)}h)", Text(query, "labelSuffix")),
                _ => Join(Text(query, "labelPrefix"), Text(query, "label") ?? "Response", Text(query, "labelSuffix")),
            };
            string message = Join(Text(query, "prefix"), ping.Value.ToString(CultureInfo.InvariantCulture), Text(query, "suffix") ?? "ms");
            return Svg(BadgeSvg.Render(label, message, Text(query, "color") ?? "blue", Text(query, "labelColor")), MonitorBadgeHeaders);
        }

        /// <summary>The duration asked for, 24h by default; bare digits are hours.</summary>
        private static string Hours(string? duration) => duration is null ? "24h" : duration.All(char.IsAsciiDigit) ? duration + "h" : duration;

        private static int AvgResponseHours(string? duration) => Math.Min(duration is null ? 24 : ParseIntPrefix(duration) ?? 24, 720);

        /// <summary>JavaScript's parseInt on a path part: its leading digits; null when there are none.</summary>
        private static int? ParseIntPrefix(string text)
        {
            string digits = new(text.TakeWhile(char.IsAsciiDigit).ToArray());
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
        }

        /// <summary>JavaScript's (fraction * 100).toPrecision(4): four significant digits ("100.0", "99.95", "0.000").</summary>
        public static string UptimeText(double fraction)
        {
            double percent = fraction * 100;
            if (percent == 0)
            {
                return "0.000";
            }

            int decimals = Math.Max(0, 4 - ((int)Math.Floor(Math.Log10(Math.Abs(percent))) + 1));
            double rounded = Math.Round(percent, decimals, MidpointRounding.AwayFromZero);
            // Rounding up can add a digit before the point (99.995 to 100.00): one decimal fewer then.
            if (decimals > 0 && Math.Floor(Math.Log10(rounded)) > Math.Floor(Math.Log10(Math.Abs(percent))))
            {
                decimals--;
            }

            return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        /// <summary>percentageToColor: hsl(fraction * 80 + 10, 90%, 40%) as hex, red at 0 to green at 1.</summary>
        public static string UptimeColor(double fraction)
        {
            double hue = (fraction * (90 - 10)) + 10;
            const double Saturation = 0.9;
            const double Lightness = 0.4;
            double chroma = (1 - Math.Abs((2 * Lightness) - 1)) * Saturation;
            double second = chroma * (1 - Math.Abs((hue / 60 % 2) - 1));
            double match = Lightness - (chroma / 2);
            (double r, double g, double b) = hue switch
            {
                < 60 => (chroma, second, 0d),
                < 120 => (second, chroma, 0d),
                _ => (0d, chroma, second),
            };
            return string.Create(CultureInfo.InvariantCulture, $"#{Channel(r + match):x2}{Channel(g + match):x2}{Channel(b + match):x2}");
        }

        private static int Channel(double value) => (int)Math.Round(value * 255, MidpointRounding.AwayFromZero);

        private static string? Text(IQueryCollection query, string name) =>
            query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        // filterAndJoin: the non-empty parts, joined with nothing.
        private static string Join(params string?[] parts) => string.Concat(parts.Where(part => !string.IsNullOrEmpty(part)));

        private static CannedAnswer Svg(string svg, IReadOnlyList<KeyValuePair<string, string>> headers) =>
            // Express's res.send adds the charset to the type set with response.type("image/svg+xml").
            new(StatusCodes.Status200OK, "image/svg+xml; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(svg), headers);

        private static CannedAnswer Failure(string message) =>
            CannedAnswer.Json(StatusCodes.Status403Forbidden, new JsonObject { ["status"] = "fail", ["msg"] = message }.ToJsonString());
    }
}

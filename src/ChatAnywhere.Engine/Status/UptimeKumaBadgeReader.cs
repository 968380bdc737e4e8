using System;
using System.Globalization;
using System.Net;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// Reads Uptime Kuma's SVG badges (uptime-kuma-api.md §3, §3.1): badge-maker writes "label: message" (or the
    /// message alone) into the SVG's title; the status badge's message is Up, Down, Pending, Maintenance or N/A,
    /// the uptime badge's a percentage with four significant digits ("99.95%").
    /// </summary>
    internal static class UptimeKumaBadgeReader
    {
        private const string NotAvailable = "N/A";

        /// <summary>The message of a badge; false when the body is not an SVG with a title.</summary>
        public static bool TryReadMessage(string? svg, out string message)
        {
            message = string.Empty;
            if (svg is null || svg.IndexOf("<svg", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            var start = svg.IndexOf("<title>", StringComparison.Ordinal);
            var end = start < 0 ? -1 : svg.IndexOf("</title>", start, StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var title = WebUtility.HtmlDecode(svg.Substring(start + "<title>".Length, end - start - "<title>".Length));
            var separator = title.LastIndexOf(": ", StringComparison.Ordinal);
            message = (separator < 0 ? title : title.Substring(separator + 2)).Trim();
            return message.Length > 0;
        }

        /// <summary>The status badge's message as a monitor state; N/A (not public, or unknown) is Unknown.</summary>
        public static ComponentHealth Health(string message) => message switch
        {
            "Up" => ComponentHealth.Up,
            "Down" => ComponentHealth.Down,
            "Pending" => ComponentHealth.Pending,
            "Maintenance" => ComponentHealth.Maintenance,
            _ => ComponentHealth.Unknown,
        };

        /// <summary>True when the badge says the monitor is not public or not known.</summary>
        public static bool IsNotAvailable(string message) => string.Equals(message, NotAvailable, StringComparison.Ordinal);

        /// <summary>The uptime badge's percentage (99.95), as ComponentStatus.Uptime24h holds it; null for N/A or anything else.</summary>
        public static double? UptimePercent(string message)
        {
            if (!message.EndsWith("%", StringComparison.Ordinal))
            {
                return null;
            }

            return double.TryParse(message.Substring(0, message.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent >= 0 && percent <= 100
                ? percent
                : (double?)null;
        }
    }
}

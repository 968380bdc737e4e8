using System;
using System.Globalization;
using System.Security;
using System.Text;

namespace ChatAnywhere.Emulator.Personalities.UptimeKuma
{
    /// <summary>
    /// A "flat" badge as badge-maker (the library Uptime Kuma's badge routes call) draws it: a label part and a
    /// message part, each text twice (a shadow at y 150, the text at y 140, scaled by .1), an aria-label and a title
    /// "label: message" (docs/reference/uptime-kuma-api.md §3.1). Without a label only the message part is drawn.
    /// Text widths are estimated: badge-maker measures Verdana 11px with its font tables, so widths may differ by a
    /// few pixels; the texts and colors are what Uptime Kuma sends.
    /// </summary>
    public static class BadgeSvg
    {
        private const int Height = 20;
        private const int HorizontalPadding = 5;
        private const string DefaultLabelColor = "#555";

        public static string Render(string label, string message, string requestedColor, string? labelColor = null)
        {
            ArgumentNullException.ThrowIfNull(label);
            ArgumentNullException.ThrowIfNull(message);
            string color = ToSvgColor(requestedColor);
            // An empty labelColor is no color at all (Uptime Kuma passes "" when none is asked for): the default grey.
            string leftColor = string.IsNullOrEmpty(labelColor) ? DefaultLabelColor : ToSvgColor(labelColor);
            bool hasLabel = label.Length > 0;
            int labelWidth = hasLabel ? TextWidth(label) : 0;
            int leftWidth = hasLabel ? labelWidth + (2 * HorizontalPadding) : 0;
            int messageWidth = TextWidth(message);
            int rightWidth = messageWidth + (2 * HorizontalPadding);
            int width = leftWidth + rightWidth;
            string accessible = hasLabel ? $"{label}: {message}" : message;
            // badge-maker starts the message one pixel left of the label's edge, at 0 when there is no label.
            int messageMargin = hasLabel ? leftWidth - (message.Length > 0 ? 1 : 0) : 0;

            var svg = new StringBuilder(1024);
            svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Escape(accessible)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(accessible)}</title>");
            svg.Append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>");
            svg.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"r\"><rect width=\"{width}\" height=\"{Height}\" rx=\"3\" fill=\"#fff\"/></clipPath>");
            svg.Append(CultureInfo.InvariantCulture, $"<g clip-path=\"url(#r)\"><rect width=\"{leftWidth}\" height=\"{Height}\" fill=\"{Escape(hasLabel ? leftColor : color)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{leftWidth}\" width=\"{rightWidth}\" height=\"{Height}\" fill=\"{Escape(color)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{Height}\" fill=\"url(#s)\"/></g>");
            svg.Append("<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\">");
            if (hasLabel)
            {
                AppendText(svg, label, 1, labelWidth, leftColor);
            }

            AppendText(svg, message, messageMargin, messageWidth, color);
            svg.Append("</g></svg>");
            return svg.ToString();
        }

        private static void AppendText(StringBuilder svg, string text, int leftMargin, int textWidth, string background)
        {
            if (text.Length == 0)
            {
                return;
            }

            // Dark text with a light shadow on light backgrounds, white with a dark shadow otherwise (brightness 0.69).
            bool light = Brightness(background) > 0.69;
            string textColor = light ? "#333" : "#fff";
            string shadowColor = light ? "#ccc" : "#010101";
            int x = (10 * (leftMargin + HorizontalPadding)) + (5 * textWidth);
            int length = 10 * textWidth;
            string content = Escape(text);
            svg.Append(CultureInfo.InvariantCulture, $"<text aria-hidden=\"true\" x=\"{x}\" y=\"150\" fill=\"{shadowColor}\" fill-opacity=\".3\" transform=\"scale(.1)\" textLength=\"{length}\">{content}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"140\" transform=\"scale(.1)\" fill=\"{textColor}\" textLength=\"{length}\">{content}</text>");
        }

        // An estimate of Verdana 11px, rounded up to an odd number as badge-maker does for pixel alignment.
        private static int TextWidth(string text)
        {
            double width = 0;
            foreach (char c in text)
            {
                width += c switch
                {
                    ' ' or '.' or ',' or ':' or 'i' or 'l' or 'j' or '|' or '!' => 3.5,
                    '(' or ')' or 'f' or 't' or 'r' or 'I' => 4.6,
                    '%' or 'm' or 'w' or 'M' or 'W' => 10.5,
                    >= 'A' and <= 'Z' => 7.5,
                    >= '0' and <= '9' => 7,
                    _ when c > 0x2E7F => 11,
                    _ => 6.4,
                };
            }

            int whole = (int)width;
            return whole % 2 == 0 ? whole + 1 : whole;
        }

        /// <summary>W3C perceived brightness, 0 to 1, of a #rgb or #rrggbb color; named colors count as dark.</summary>
        private static double Brightness(string color)
        {
            string hex = color.StartsWith('#') ? color[1..] : color;
            if (hex.Length == 3)
            {
                hex = string.Concat(hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]);
            }

            if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int rgb))
            {
                return 0;
            }

            return ((299 * ((rgb >> 16) & 0xFF)) + (587 * ((rgb >> 8) & 0xFF)) + (114 * (rgb & 0xFF))) / 1000.0 / 255;
        }

        // badge-maker's named colors (badges/shields badge-maker/lib/color.js); a query may name them ("upColor=green").
        private static string ToSvgColor(string color) => color.ToLowerInvariant() switch
        {
            "brightgreen" or "success" => "#4c1",
            "green" => "#97ca00",
            "yellow" => "#dfb317",
            "yellowgreen" => "#a4a61d",
            "orange" or "important" => "#fe7d37",
            "red" or "critical" => "#e05d44",
            "blue" or "informational" => "#007ec6",
            "grey" or "gray" => "#555",
            "lightgrey" or "lightgray" or "inactive" => "#9f9f9f",
            _ => color,
        };

        private static string Escape(string text) => SecurityElement.Escape(text);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;

namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>
    /// A token's IP allow-list read the way each relay reads it (relay-admin-api.md §7, "IP allow-list"):
    /// one-api's "subnet" is a comma list of CIDRs; new-api's "allow_ips" is one entry a line, spaces and
    /// commas removed, exact IPs only in 2025-04, CIDRs or IPs now.
    /// </summary>
    public static class RelayAllowList
    {
        /// <summary>True when the list restricts the token and <paramref name="clientIp"/> is not on it.</summary>
        public static bool Refuses(RelayEra era, string? allowList, string clientIp)
        {
            IPAddress? client = Parse(clientIp);
            return era switch
            {
                RelayEra.OneApi => !string.IsNullOrEmpty(allowList)
                    && !allowList.Split(',').Any(entry => client is not null && CidrContains(entry.Trim(), client)),
                RelayEra.NewApi2025 => NewApiEntries(allowList).Where(entry => Parse(entry) is not null).ToList() is { Count: > 0 } ips
                    && !ips.Contains(clientIp, StringComparer.Ordinal),
                _ => NewApiEntries(allowList) is { Count: > 0 } entries
                    && !entries.Any(entry => client is not null && (CidrContains(entry, client) || Parse(entry) is { } single && single.Equals(client))),
            };
        }

        /// <summary>The caller's address as gin's ClientIP gives it for a direct connection: IPv4 for an IPv4-mapped address.</summary>
        public static string ClientAddress(string remoteAddress) =>
            Parse(remoteAddress) is { } address ? address.ToString() : remoteAddress;

        private static List<string> NewApiEntries(string? allowList)
        {
            string clean = (allowList ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            return clean.Length == 0
                ? []
                : [.. clean.Split('\n').Select(entry => entry.Trim().Replace(",", string.Empty, StringComparison.Ordinal)).Where(entry => entry.Length > 0)];
        }

        private static IPAddress? Parse(string text) =>
            IPAddress.TryParse(text, out IPAddress? address) && !text.Contains('/', StringComparison.Ordinal)
                ? address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address
                : null;

        // Go's net.ParseCIDR: "address/prefix" only; host bits may be set; the network then holds the address.
        private static bool CidrContains(string cidr, IPAddress client)
        {
            int slash = cidr.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0
                || Parse(cidr[..slash]) is not { } network
                || !int.TryParse(cidr[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int prefix))
            {
                return false;
            }

            byte[] networkBytes = network.GetAddressBytes();
            byte[] clientBytes = client.GetAddressBytes();
            if (networkBytes.Length != clientBytes.Length || prefix > networkBytes.Length * 8)
            {
                return false;
            }

            for (int bit = 0; bit < prefix; bit++)
            {
                int mask = 0x80 >> (bit % 8);
                if ((networkBytes[bit / 8] & mask) != (clientBytes[bit / 8] & mask))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

using System;

namespace ChatAnywhere.Engine.Endpoints
{
    /// <summary>The hosts the module knows by name (docs/reference/chatanywhere.md, "The service").</summary>
    public static class KnownHosts
    {
        /// <summary>The default base URL: ChatAnywhere's mainland host.</summary>
        public const string DefaultBaseUri = "https://api.chatanywhere.tech";

        /// <summary>ChatAnywhere's overseas host.</summary>
        public const string OverseasBaseUri = "https://api.chatanywhere.org";

        /// <summary>ChatAnywhere's status page.</summary>
        public const string StatusPageUri = "https://status.chatanywhere.tech";

        /// <summary>
        /// True for ChatAnywhere's status hosts: the status page's, and the .org name its README badges are served
        /// from, one Uptime Kuma instance (uptime-kuma-api.md, "ChatAnywhere facts").
        /// </summary>
        public static bool IsChatAnywhereStatusHost(string host) =>
            string.Equals(host, new Uri(StatusPageUri).Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(host, "status.chatanywhere.org", StringComparison.OrdinalIgnoreCase);

        /// <summary>The API hosts users should choose between, best first.</summary>
        public static readonly string[] ChatAnywhereBaseUris = { DefaultBaseUri, OverseasBaseUri };

        // The two current hosts plus the older ones seen in the service's issues.
        private static readonly string[] ChatAnywhereHosts =
        {
            "api.chatanywhere.tech", "api.chatanywhere.org", "api.chatanywhere.com.cn", "api.chatanywhere.cn",
        };

        /// <summary>Classifies a host name.</summary>
        public static EndpointKind KindOf(Uri uri)
        {
            if (uri.IsLoopback)
            {
                return EndpointKind.Loopback;
            }

            var host = uri.Host.TrimEnd('.');
            if (string.Equals(host, "api.openai.com", StringComparison.OrdinalIgnoreCase))
            {
                return EndpointKind.OpenAI;
            }

            foreach (var known in ChatAnywhereHosts)
            {
                if (string.Equals(host, known, StringComparison.OrdinalIgnoreCase))
                {
                    return EndpointKind.ChatAnywhere;
                }
            }

            return EndpointKind.Other;
        }
    }
}

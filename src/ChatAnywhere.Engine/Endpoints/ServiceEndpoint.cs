using System;

namespace ChatAnywhere.Engine.Endpoints
{
    /// <summary>
    /// A validated base URL, without a trailing /v1, and the URLs probed under it.
    /// </summary>
    internal sealed class ServiceEndpoint
    {
        private ServiceEndpoint(Uri baseUri, EndpointKind kind)
        {
            BaseUri = baseUri;
            Kind = kind;
            ModelsUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/v1/models");
            ChatCompletionsUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/v1/chat/completions");
        }

        /// <summary>The base URL as the user should write it.</summary>
        public Uri BaseUri { get; }

        /// <summary>Who the host belongs to.</summary>
        public EndpointKind Kind { get; }

        /// <summary>GET here costs no quota: the default probe.</summary>
        public Uri ModelsUri { get; }

        /// <summary>POST here spends one request of the daily quota.</summary>
        public Uri ChatCompletionsUri { get; }

        /// <summary>True when a key may travel to this endpoint without TLS.</summary>
        public bool IsEncryptedOrLoopback =>
            BaseUri.Scheme == Uri.UriSchemeHttps || Kind == EndpointKind.Loopback;

        /// <summary>The base URL as text, without a trailing slash.</summary>
        public override string ToString() => BaseUri.AbsoluteUri.TrimEnd('/');

        /// <summary>
        /// A base URL as it may be shown in a message or an ErrorRecord: without a user name or
        /// password, query string or fragment, where keys end up (<c>?api_key=sk-...</c>, issue 16).
        /// </summary>
        public static string Echo(string? text)
        {
            var trimmed = (text ?? string.Empty).Trim();
            if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
            {
                var hidden = string.IsNullOrEmpty(uri.UserInfo) ? string.Empty : "****@";
                var cut = string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) ? string.Empty : "?…";
                // Other schemes have no query (ftp keeps '?' in the path): their host is enough.
                var web = uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
                return web ? $"{uri.Scheme}://{hidden}{uri.Authority}{uri.AbsolutePath}{cut}" : $"{uri.Scheme}://{hidden}{uri.Authority}/…";
            }

            // Not a URL: still drop whatever could be a query or credentials.
            var end = trimmed.IndexOfAny(new[] { '?', '#' });
            var shown = end < 0 ? trimmed : trimmed.Substring(0, end) + "?…";
            var at = shown.LastIndexOf('@');
            shown = at < 0 ? shown : "****" + shown.Substring(at);
            return shown.Length <= 200 ? shown : shown.Substring(0, 200) + "…";
        }

        /// <summary>
        /// Parses a base URL given with or without /v1. Returns null and an explanation when it
        /// cannot be used, including plain HTTP to another host unless <paramref name="allowUnencrypted"/>.
        /// </summary>
        public static ServiceEndpoint? TryParse(string? text, bool allowUnencrypted, out string? error) =>
            TryParse(text, allowUnencrypted, out error, out _);

        /// <summary>As above; <paramref name="refusedAsUnencrypted"/> tells a security refusal from a malformed URL.</summary>
        public static ServiceEndpoint? TryParse(string? text, bool allowUnencrypted, out string? error, out bool refusedAsUnencrypted)
        {
            error = null;
            refusedAsUnencrypted = false;
            var trimmed = (text ?? string.Empty).Trim();
            if (trimmed.Length == 0)
            {
                error = "The base URL is empty.";
                return null;
            }

            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                error = $"'{Echo(trimmed)}' is not an http or https URL. Use a base URL such as {KnownHosts.DefaultBaseUri}.";
                return null;
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                error = "The base URL must not carry a user name or password.";
                return null;
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                error = $"The base URL '{uri.GetLeftPart(UriPartial.Path)}' must not have a query string or fragment.";
                return null;
            }

            var path = uri.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
            {
                path = path.Substring(0, path.Length - 3);
            }

            var normalized = new UriBuilder(uri.Scheme, uri.Host, uri.Port, path + "/").Uri;
            var endpoint = new ServiceEndpoint(normalized, KnownHosts.KindOf(normalized));
            if (!allowUnencrypted && !endpoint.IsEncryptedOrLoopback)
            {
                error = $"Refusing to send a key over plain HTTP to {normalized.Host}. Use https, or pass -AllowUnencryptedAuthentication if you accept that risk.";
                refusedAsUnencrypted = true;
                return null;
            }

            return endpoint;
        }
    }
}

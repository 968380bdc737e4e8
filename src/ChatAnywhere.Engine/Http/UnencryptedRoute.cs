using System;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>
    /// Whether a secret may go over plain http to a URL: only when every hop is this machine, the
    /// target and, if one is used, the proxy (an HTTP proxy reads a plain-http request whole,
    /// Authorization header included: issue 16, "A key in clear to a proxy").
    /// </summary>
    internal static class UnencryptedRoute
    {
        /// <summary>Null when a secret may be sent to <paramref name="target"/>; else why not, naming no secret.</summary>
        public static string? Refusal(HttpClientSettings settings, Uri target)
        {
            if (settings is null || target is null)
            {
                throw new ArgumentNullException(settings is null ? nameof(settings) : nameof(target));
            }

            if (target.Scheme == Uri.UriSchemeHttps)
            {
                return null;
            }

            if (!target.IsLoopback)
            {
                return $"Refusing to send a key or token over plain HTTP to {target.Host}. Use https, or pass -AllowUnencryptedAuthentication if you accept that risk.";
            }

            var proxy = ProxyRoute.For(settings, target);
            if (proxy is null || proxy.IsLoopback)
            {
                return null;
            }

            // Host and port only: a proxy URL may carry credentials.
            return $"Refusing to send a key or token over plain HTTP through the proxy {proxy.Host}:{proxy.Port}: the proxy would read it. " +
                "Use -NoProxy (or NO_PROXY=localhost,127.0.0.1) for a relay on this machine, or pass -AllowUnencryptedAuthentication if you accept that risk.";
        }
    }
}

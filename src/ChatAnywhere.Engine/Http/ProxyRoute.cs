using System;
using System.Net;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>Which proxy, if any, the invocation's HttpClient uses for a URL (the same choice as <see cref="ProbeHttpClientFactory"/>).</summary>
    internal static class ProxyRoute
    {
        /// <summary>The proxy's address, or null for a direct connection.</summary>
        public static Uri? For(HttpClientSettings settings, Uri target)
        {
            if (settings is null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.NoProxy)
            {
                return null;
            }

            if (settings.Proxy is not null)
            {
                return settings.Proxy;
            }

            // With no explicit proxy .NET uses HTTP(S)_PROXY / NO_PROXY, then system settings (toolchain notes, HTTP);
            // WebRequest.DefaultWebProxy is that same choice on .NET and on Windows PowerShell 5.1.
            var proxy = WebRequest.DefaultWebProxy;
            if (proxy is null || proxy.IsBypassed(target))
            {
                return null;
            }

            var address = proxy.GetProxy(target);
            return address is null || address == target ? null : address;
        }
    }
}

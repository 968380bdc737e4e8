using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>Builds the single HttpClient an invocation uses for all its keys.</summary>
    internal static class ProbeHttpClientFactory
    {
        /// <summary>The User-Agent every request carries.</summary>
        public static readonly string UserAgent = "ChatAnywhere.PowerShell/" +
            (typeof(ProbeHttpClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0");

        /// <summary>
        /// Redirects are never followed: .NET drops the Authorization header on a redirect and a
        /// 3xx means the base URL is wrong, which is worth reporting (toolchain notes, HTTP).
        /// Timeouts are per attempt, applied by the caller, so the client's own is infinite.
        /// </summary>
        public static HttpClient Create(HttpClientSettings settings)
        {
            if (settings is null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                MaxConnectionsPerServer = Math.Max(2, settings.MaxConnectionsPerServer),
                UseCookies = false,
            };

            if (settings.NoProxy)
            {
                handler.UseProxy = false;
            }
            else if (settings.Proxy is not null)
            {
                handler.UseProxy = true;
                handler.Proxy = new WebProxy(settings.Proxy) { Credentials = settings.ProxyCredential };
            }

            if (settings.SkipCertificateCheck)
            {
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
            }

            var client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return client;
        }
    }
}

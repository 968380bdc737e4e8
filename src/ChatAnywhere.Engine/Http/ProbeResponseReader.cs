using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>Turns an HTTP answer into a <see cref="ProbeResponse"/>: the headers that matter and a bounded body.</summary>
    internal static class ProbeResponseReader
    {
        private static readonly string[] HeadersWorthKeeping =
        {
            "Retry-After", "retry-after-ms", "x-should-retry", "Location", "Server", "cf-ray", "cf-mitigated",
            "WWW-Authenticate", "X-New-Api-Version", "X-Oneapi-Request-Id", "openai-processing-ms",

            // Marks of gateways and Azure (BackendFingerprinter), and GitHub's rate limit (CommunityReader).
            "Via", "apim-request-id", "x-ratelimit-remaining",
        };

        /// <summary>Reads at most <paramref name="bodyLimit"/> bytes of the body.</summary>
        public static async Task<ProbeResponse> ReadAsync(HttpResponseMessage response, int bodyLimit, CancellationToken cancellationToken)
        {
            if (response is null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            string body;
            bool truncated;
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                (body, truncated) = await BoundedBodyReader.ReadAsync(stream, bodyLimit, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                // A corrupt or mislabelled gzip/deflate body (issue 16): the status and headers still say
                // something; the body is treated as cut short at its start.
                (body, truncated) = (string.Empty, true);
            }

            return new ProbeResponse((int)response.StatusCode, body, CollectHeaders(response), response.Content.Headers.ContentType?.MediaType, truncated);
        }

        private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in HeadersWorthKeeping)
            {
                if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                {
                    foreach (var value in values)
                    {
                        headers[name] = value;
                        break;
                    }
                }
            }

            if (response.Headers.Location is not null && !headers.ContainsKey("Location"))
            {
                headers["Location"] = response.Headers.Location.ToString();
            }

            return headers;
        }
    }
}

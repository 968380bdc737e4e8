using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Http;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// One GET without credentials (status pages, a relay's /api/status), bounded in time and size.
    /// A network failure or timeout comes back classified, never thrown; only the caller's cancellation throws.
    /// </summary>
    internal static class AnonymousGet
    {
        /// <summary>Sends the request once.</summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public static async Task<AnonymousGetResult> SendAsync(HttpClient client, Uri uri, TimeSpan timeout, int bodyLimit, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string>>? headers = null)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var header in headers ?? Array.Empty<KeyValuePair<string, string>>())
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            var outcome = await HttpExchange.SendAsync(client, request, bodyLimit, timeout, cancellationToken).ConfigureAwait(false);
            var target = uri.GetLeftPart(UriPartial.Path);
            return outcome.Response is { } answer ? new AnonymousGetResult(answer, null)
                : outcome.TimedOut ? new AnonymousGetResult(null, NetworkFailureClassifier.Timeout(target, timeout))
                : new AnonymousGetResult(null, NetworkFailureClassifier.Classify(outcome.Failure!, target));
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Probing;

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

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                foreach (var header in headers ?? Array.Empty<KeyValuePair<string, string>>())
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
                return new AnonymousGetResult(await ProbeResponseReader.ReadAsync(response, bodyLimit, limit.Token).ConfigureAwait(false), null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new AnonymousGetResult(null, NetworkFailureClassifier.Timeout(uri.GetLeftPart(UriPartial.Path), timeout));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && (exception is HttpRequestException || exception is IOException))
            {
                return new AnonymousGetResult(null, NetworkFailureClassifier.Classify(exception, uri.GetLeftPart(UriPartial.Path)));
            }
        }
    }
}

using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>
    /// The one way the engine sends a request: send it, read the headers and a bounded body, and bring
    /// back a transport failure or the exchange's own timeout as an outcome instead of an exception. The
    /// probe, the anonymous status reads and the relay's management API all go through it; each names the
    /// failure in its own terms (Diagnosis/NetworkFailureClassifier).
    /// </summary>
    internal static class HttpExchange
    {
        /// <summary>
        /// Sends <paramref name="request"/>. With a <paramref name="timeout"/>, an exchange that takes longer
        /// ends with <see cref="HttpOutcome.TimedOut"/>. Only the caller's own cancellation is thrown.
        /// </summary>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        public static async Task<HttpOutcome> SendAsync(HttpClient client, HttpRequestMessage request, int bodyLimit, TimeSpan? timeout, CancellationToken cancellationToken)
        {
            if (client is null || request is null)
            {
                throw new ArgumentNullException(client is null ? nameof(client) : nameof(request));
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout is TimeSpan within)
            {
                limit.CancelAfter(within);
            }

            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
                return HttpOutcome.Answered(await ProbeResponseReader.ReadAsync(response, bodyLimit, limit.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout is not null)
            {
                return HttpOutcome.Timeout();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && (exception is HttpRequestException || exception is IOException))
            {
                return HttpOutcome.Failed(exception);
            }
        }
    }
}

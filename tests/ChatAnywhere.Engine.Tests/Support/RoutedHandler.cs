using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ChatAnywhere.Engine.Tests.Support
{
    /// <summary>An HttpMessageHandler that answers by request path, for requests sent concurrently.</summary>
    public sealed class RoutedHandler : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<string, Func<HttpResponseMessage>> _routes = new(StringComparer.Ordinal);
        private int _requests;

        /// <summary>How many requests were sent, routed or not.</summary>
        public int Requests => Volatile.Read(ref _requests);

        public RoutedHandler On(string path, HttpStatusCode status, string body, string contentType = "application/json")
        {
            _routes[path] = () => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            return this;
        }

        public RoutedHandler Failing(string path, Exception exception)
        {
            _routes[path] = () => throw exception;
            return this;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return _routes.TryGetValue(request.RequestUri!.AbsolutePath, out var answer)
                ? Task.FromResult(answer())
                : throw new InvalidOperationException($"Unrouted request {request.RequestUri}.");
        }
    }
}

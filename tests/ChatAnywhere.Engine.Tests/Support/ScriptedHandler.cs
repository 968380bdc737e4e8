using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ChatAnywhere.Engine.Tests.Support
{
    /// <summary>An HttpMessageHandler that answers from a script and records when each request arrived (by the given clock).</summary>
    public sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
        private readonly TimeProvider _time;

        public ScriptedHandler(TimeProvider time) => _time = time;

        public List<DateTimeOffset> RequestTimes { get; } = new();

        public List<string?> AuthorizationHeaders { get; } = new();

        public ScriptedHandler Then(HttpStatusCode status, string body = "", Action<HttpResponseMessage>? tweak = null)
        {
            _script.Enqueue((_, _) =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                tweak?.Invoke(response);
                return Task.FromResult(response);
            });
            return this;
        }

        public ScriptedHandler ThenHang()
        {
            _script.Enqueue(async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                throw new InvalidOperationException("unreachable");
            });
            return this;
        }

        public ScriptedHandler ThenFail(Exception exception)
        {
            _script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
            return this;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            RequestTimes.Add(_time.GetUtcNow());
            AuthorizationHeaders.Add(request.Headers.Authorization?.ToString());
            if (_script.Count == 0)
            {
                throw new InvalidOperationException($"Unscripted request #{RequestTimes.Count}.");
            }

            return _script.Dequeue()(request, cancellationToken);
        }
    }
}

using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Status;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>A part that fails in an unforeseen way is reported in the result and never hides the others.</summary>
    public sealed class ServiceStatusCheckerTests
    {
        [Fact]
        public async Task A_fault_of_the_module_on_one_endpoint_is_a_result_and_the_others_still_come_back()
        {
            var handler = new RoutedHandler()
                .On("/good/v1/models", HttpStatusCode.Unauthorized, "{\"error\":{\"message\":\"ApiKey错误\",\"type\":\"chatanywhere_error\"}}")
                .Failing("/broken/v1/models", new InvalidOperationException("a bug in the module"))
                .Failing("/api/entry-page", new InvalidOperationException("another bug"));
            using var client = new HttpClient(handler);
            var options = new ServiceStatusOptions();
            var prober = new KeyProber(client, new ProbeOptions { MaxRetries = 0 }, new SecretRedactor());
            // A proxy route skips the raw socket phases, so every request goes through the scripted handler.
            var checker = new ServiceStatusChecker(
                new EndpointChecker(client, prober, options, _ => new Uri("http://proxy.example:8080")),
                new StatusPageClient(client, options.AttemptTimeout, options.BodyLimit));
            var endpoints = new[] { Endpoint("https://relay.example/good"), Endpoint("https://relay.example/broken") };

            var status = await checker.CheckAsync(endpoints, StatusPageLocation.TryParse("https://status.example/", out _), key: null, CancellationToken.None);

            Assert.Equal(2, status.Endpoints.Length);
            Assert.Equal(EndpointHealth.Operational, status.Endpoints[0].Status);
            Assert.Equal(EndpointHealth.Unknown, status.Endpoints[1].Status);
            Assert.Equal(EndpointCause.CheckFailed, status.Endpoints[1].Cause);
            Assert.Contains("a bug in the module", status.Endpoints[1].Detail, StringComparison.Ordinal);
            Assert.Equal(StatusPageState.Unreachable, status.StatusPageState);
            Assert.Equal(OverallStatus.Operational, status.Overall);
        }

        private static ServiceEndpoint Endpoint(string baseUri) => ServiceEndpoint.TryParse(baseUri, false, out _)!;
    }
}

using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Status;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>The connection phases on real loopback sockets, and a name that never resolves.</summary>
    public sealed class ConnectionTimerTests
    {
        [Fact]
        public async Task Times_the_connect_to_a_listening_port_and_skips_dns_for_an_address()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var phases = await ConnectionTimer.MeasureAsync(new Uri($"http://127.0.0.1:{port}/"), false, TimeSpan.FromSeconds(5), CancellationToken.None);

                Assert.Equal(EndpointCause.None, phases.Failure);
                Assert.Null(phases.DnsMs);
                Assert.NotNull(phases.ConnectMs);
                Assert.Null(phases.TlsMs);
                Assert.Equal("127.0.0.1", phases.Address);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public async Task A_closed_port_is_refused()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            var phases = await ConnectionTimer.MeasureAsync(new Uri($"http://127.0.0.1:{port}/"), false, TimeSpan.FromSeconds(5), CancellationToken.None);

            Assert.Equal(EndpointCause.ConnectionRefused, phases.Failure);
            Assert.Contains("TCP connect", phases.FailureDetail, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_name_under_invalid_does_not_resolve()
        {
            // RFC 6761: .invalid never resolves.
            var phases = await ConnectionTimer.MeasureAsync(new Uri("https://api.chatanywhere.invalid/"), false, TimeSpan.FromSeconds(10), CancellationToken.None);

            Assert.Equal(EndpointCause.DnsFailure, phases.Failure);
            Assert.Null(phases.ConnectMs);
            Assert.Contains("name resolution", phases.FailureDetail, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_silent_tls_server_times_out_and_names_the_handshake()
        {
            // Accepts the connection, never answers the ClientHello.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                // Two seconds: a cold first connect on a busy 2-core machine has taken longer than 500 ms.
                var phases = await ConnectionTimer.MeasureAsync(new Uri($"https://127.0.0.1:{port}/"), false, TimeSpan.FromSeconds(2), CancellationToken.None);

                Assert.Equal(EndpointCause.Timeout, phases.Failure);
                Assert.NotNull(phases.ConnectMs);
                Assert.Contains("TLS handshake", phases.FailureDetail, StringComparison.Ordinal);
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}

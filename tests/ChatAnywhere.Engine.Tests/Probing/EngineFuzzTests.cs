using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Http;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Probing;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ChatAnywhere.Engine.Tests.Probing
{
    /// <summary>
    /// Answers of any shape (issue 16, "Module faults instead of verdicts"): generated statuses,
    /// bodies, headers, keys and base URLs, fixed seed. No exception may leave the engine, and no
    /// form of the key may appear in anything it returns or logs.
    /// </summary>
    public sealed class EngineFuzzTests
    {
        private const int Cases = 4000;
        private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        private static readonly string[] Waits =
        {
            "3600", "1e12", "1E308", "Infinity", "-Infinity", "NaN", "-5", "0", "0.25", "  7  ", "",
            "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", "9999999999999999999999",
        };

        private static readonly int[] Statuses = { 200, 201, 204, 301, 302, 400, 401, 402, 403, 404, 408, 409, 413, 429, 451, 500, 502, 503, 504, 520, 524, 599, 999 };

        private static readonly string[] BaseUris = { KnownHosts.DefaultBaseUri, "https://relay.example.test/v1", "http://127.0.0.1:3000", "https://api.openai.com/v1" };

        private readonly ITestOutputHelper _output;

        public EngineFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task No_generated_answer_makes_the_engine_throw_or_show_the_key()
        {
            var random = new Random(16);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Cases; i++)
            {
                var key = NewKey(random);
                var inspected = KeyInspector.Inspect(key);
                if (inspected.IsEmpty)
                {
                    continue;
                }

                var response = NewResponse(random, key, out var description);
                var log = new CapturingProbeLog();
                using var client = new HttpClient(new FixedHandler(response));
                using var prober = new KeyProber(client, new ProbeOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(5) }, new SecretRedactor(), log);
                var endpoint = ServiceEndpoint.TryParse(BaseUris[random.Next(BaseUris.Length)], allowUnencrypted: false, out _)!;

                ApiKeyTestResult result;
                try
                {
                    result = await prober.TestAsync(inspected, endpoint, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    throw new Xunit.Sdk.XunitException($"case {i} ({description}): {exception}");
                }

                var shown = string.Join("|", result.Key, result.Message, string.Join("|", result.Diagnosis), string.Join("|", result.Recommendation), result.ToString(), string.Join("|", log.Lines));
                AssertNoSecret(inspected.CleanedKey, shown, $"case {i} ({description}, key {inspected.CleanedKey})");
            }

            _output.WriteLine($"{Cases} answers in {watch.Elapsed.TotalSeconds:0.0} s");
        }

        [Fact]
        public async Task No_generated_relay_answer_escapes_as_anything_but_a_management_failure()
        {
            var random = new Random(1616);
            const string accessToken = "0123456789abcdef0123456789abcdef";
            for (var i = 0; i < Cases / 4; i++)
            {
                var response = NewResponse(random, "sk-" + accessToken, out var description);
                var log = new CapturingProbeLog();
                using var http = new HttpClient(new FixedHandler(response));
                var client = new RelayManagementClient(http, new Uri("https://relay.example.test/"), accessToken, 1, TimeSpan.FromSeconds(5), new SecretRedactor(), log);
                string shown;
                try
                {
                    var token = await client.GetAsync(1, CancellationToken.None);
                    shown = token.ToString() + "|" + token.MaskedKey;
                }
                catch (RelayManagementException failure)
                {
                    shown = failure.Message + "|" + failure.Advice;
                }
                catch (Exception exception)
                {
                    throw new Xunit.Sdk.XunitException($"case {i} ({description}): {exception}");
                }

                AssertNoSecret(accessToken, shown + "|" + string.Join("|", log.Lines), $"case {i} ({description})");
            }
        }

        [Theory]
        [InlineData("gzip")]
        [InlineData("deflate")]
        [InlineData("br")]
        public async Task A_corrupt_compressed_body_is_a_verdict_not_an_exception(string encoding)
        {
            // Through the real handler and its decompression: a raw HTTP answer from a loopback socket.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var serve = Task.Run(async () =>
            {
                using var socket = await listener.AcceptTcpClientAsync();
                using var stream = socket.GetStream();
                // The request is read only so the client sees its answer; its content does not matter.
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer);
                var body = new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x12, 0x34, 0x56, 0x78, 0x9a };
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Encoding: {encoding}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head);
                await stream.WriteAsync(body);
            });
            try
            {
                using var prober = KeyProber.Create(new HttpClientSettings { NoProxy = true }, new ProbeOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10) }, new SecretRedactor());
                var endpoint = ServiceEndpoint.TryParse($"http://127.0.0.1:{port}", false, out _)!;

                var result = await prober.TestAsync(KeyInspector.Inspect("sk-" + new string('a', 48)), endpoint, CancellationToken.None);

                Assert.NotEqual(KeyVerdict.InvalidKey, result.Verdict);
                Assert.Equal(1, result.Attempts);
                await serve;
            }
            finally
            {
                listener.Stop();
            }
        }

        private static void AssertNoSecret(string secret, string shown, string why)
        {
            var body = secret.StartsWith("sk-", StringComparison.Ordinal) ? secret.Substring(3) : secret;
            if (body.Length < 12)
            {
                return; // too short to be masked anywhere but the key column
            }

            // A run of 12 characters of the secret, in any form seen decoded, would be a leak.
            var decoded = Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Replace(
                shown, @"\\u([0-9a-fA-F]{4})", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()));
            foreach (var text in new[] { shown, decoded })
            {
                for (var start = 0; start + 12 <= body.Length; start += 6)
                {
                    Assert.False(text.IndexOf(body.Substring(start, 12), StringComparison.Ordinal) >= 0, $"{why}: the key shows in '{shown}'");
                }
            }
        }

        private static string NewKey(Random random)
        {
            var body = new string(Enumerable.Range(0, 48).Select(_ => Alphanumeric[random.Next(Alphanumeric.Length)]).ToArray());
            return random.Next(10) switch
            {
                0 => body,
                1 => "sk-" + body.Substring(0, 20) + "\u200b" + body.Substring(20),
                2 => "  Bearer sk-" + body + "\r\n",
                3 => "sk-" + body.Substring(0, 10) + "\0" + body.Substring(10),
                4 => "sk-" + body.Substring(0, 5),
                _ => "sk-" + body,
            };
        }

        private static HttpResponseMessage NewResponse(Random random, string key, out string description)
        {
            var stored = key.StartsWith("sk-", StringComparison.Ordinal) ? key.Substring(3) : key;
            var echo = random.Next(6) switch
            {
                0 => key,
                1 => stored,
                2 => Uri.EscapeDataString(key),
                3 => string.Concat(stored.Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture))),
                4 => "Bearer " + key,
                _ => "nothing",
            };
            var status = Statuses[random.Next(Statuses.Length)];
            var bodyKind = random.Next(9);
            var body = bodyKind switch
            {
                0 => "{\"error\":{\"message\":\"Incorrect API key provided: " + echo + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                1 => "{\"error\":{\"message\":\"bad \\uZZZZ escape " + echo + "\",\"code\":\"x\\",
                2 => "{\"message\":\"\\u12\",\"msg\":\"" + echo + "\\",
                3 => "<html><title>" + echo + " 503</title><body>" + echo + "</body></html>",
                4 => new string(Enumerable.Range(0, random.Next(200)).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray()),
                5 => "{\"success\":false,\"message\":\"" + echo + "\",\"data\":" + new string('[', random.Next(3000)),
                6 => "{\"object\":\"list\",\"data\":[{\"id\":\"" + echo + "\"}]}",
                7 => string.Empty,
                _ => "{\"success\":true,\"data\":{\"id\":1,\"name\":\"n\",\"key\":\"" + echo + "\",\"status\":" + random.Next(-3, 9) + "}}",
            };
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, random.Next(3) == 0 ? "text/html" : "application/json") };
            var headers = new List<string>();
            if (random.Next(2) == 0)
            {
                var wait = Waits[random.Next(Waits.Length)];
                response.Headers.TryAddWithoutValidation("Retry-After", wait);
                headers.Add("Retry-After: " + wait);
            }

            if (random.Next(3) == 0)
            {
                var wait = Waits[random.Next(Waits.Length)];
                response.Headers.TryAddWithoutValidation("retry-after-ms", wait);
                headers.Add("retry-after-ms: " + wait);
            }

            if (random.Next(3) == 0)
            {
                response.Headers.TryAddWithoutValidation("Location", "https://elsewhere.example.test/?k=" + echo);
                headers.Add("Location");
            }

            if (random.Next(4) == 0)
            {
                response.Headers.TryAddWithoutValidation("x-should-retry", random.Next(2) == 0 ? "true" : "maybe");
            }

            if (random.Next(4) == 0)
            {
                response.Headers.TryAddWithoutValidation("Server", random.Next(2) == 0 ? "cloudflare" : echo);
            }

            description = $"{status}, body kind {bodyKind}, {string.Join(", ", headers)}";
            return response;
        }

        private sealed class FixedHandler : HttpMessageHandler
        {
            private readonly HttpResponseMessage _response;

            public FixedHandler(HttpResponseMessage response) => _response = response;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(_response);
        }
    }
}

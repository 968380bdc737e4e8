using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Faults
{
    /// <summary>Sends what a fault stands for. Bodies come from the fixture catalogue (the corpus and Resources/responses.json), built once.</summary>
    public sealed class FaultResponder
    {
        private const int DefaultTimeoutMs = 120_000;
        private const long DefaultHugeBodyBytes = 8L * 1024 * 1024;
        // A redirect points back at this emulator (a client that follows it stays on this machine).
        private const string RedirectTargetPath = "/_emulator/redirected";

        private static readonly byte[] Spaces = CreateSpaces(64 * 1024);

        private readonly FixtureCatalog _fixtures;
        private readonly CannedAnswer _serviceUnavailable;
        private readonly CannedAnswer _badGateway;
        private readonly CannedAnswer _internalError;
        private readonly CannedAnswer _cloudflareBadGateway;
        private readonly CannedAnswer _cloudflareChallenge;
        private readonly CannedAnswer _cloudflareBlocked;
        private readonly CannedAnswer _captivePortal;
        private readonly byte[] _truncatedBody;
        private readonly byte[] _hugeBodyHead;
        private readonly ConcurrentDictionary<(string Fixture, int Status), CannedAnswer> _fixtureAnswers = new();

        public FaultResponder(FixtureCatalog fixtures)
        {
            ArgumentNullException.ThrowIfNull(fixtures);
            _fixtures = fixtures;
            _serviceUnavailable = fixtures.Answer("CA-503-no-response");
            _badGateway = fixtures.Answer("CA-502-cf-bad-gateway-2023");
            // ChatAnywhere's captured 500: message null, code "500 INTERNAL_SERVER_ERROR" (issue #318).
            _internalError = fixtures.Answer("CA-500-null-message-2024");
            _cloudflareBadGateway = fixtures.Answer("CF-502-bad-gateway");
            _cloudflareChallenge = fixtures.Answer("CF-challenge-html-prefix", StatusCodes.Status403Forbidden);
            _cloudflareBlocked = fixtures.Answer("CF-blocked-page", StatusCodes.Status403Forbidden);
            // Not a capture: a stand-in for "HTML where JSON was expected" (captive portal, proxy login).
            _captivePortal = fixtures.Answer("EMU-html-captive-portal");
            string noResponse = fixtures.Get("CA-503-no-response").WireBody;
            _truncatedBody = Encoding.UTF8.GetBytes(noResponse[..(noResponse.Length / 2)]);
            _hugeBodyHead = Encoding.UTF8.GetBytes(noResponse);
        }

        public async Task RespondAsync(DataPlaneRequest request, FaultDefinition fault)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(fault);
            HttpContext context = request.Context;
            switch (fault.Kind)
            {
                case FaultKind.Status:
                case FaultKind.Flaky:
                    await StatusAnswer(fault).WriteAsync(context).ConfigureAwait(false);
                    break;
                case FaultKind.Reset:
                    context.Abort();
                    break;
                case FaultKind.Timeout:
                    await request.DelayAsync(fault.Ms ?? DefaultTimeoutMs).ConfigureAwait(false);
                    await CannedAnswer.Empty(StatusCodes.Status504GatewayTimeout).WriteAsync(context).ConfigureAwait(false);
                    break;
                case FaultKind.Cloudflare:
                    context.Response.Headers.Server = "cloudflare";
                    context.Response.Headers["CF-RAY"] = CreateRayId();
                    await CloudflareAnswer(fault.Page).WriteAsync(context).ConfigureAwait(false);
                    break;
                case FaultKind.Truncated:
                    // Valid HTTP, invalid JSON: half of CA-503-no-response, with a matching Content-Length.
                    await new CannedAnswer(fault.Status ?? StatusCodes.Status500InternalServerError, "application/json", _truncatedBody)
                        .WriteAsync(context).ConfigureAwait(false);
                    break;
                case FaultKind.RateLimit:
                    // No ChatAnywhere 429 with Retry-After was captured: empty body as ONE-429-global-rate-limit-empty.
                    context.Response.Headers.RetryAfter = (fault.RetryAfterSec ?? 1).ToString(CultureInfo.InvariantCulture);
                    if (fault.RetryAfterMs is int retryAfterMs)
                    {
                        context.Response.Headers["retry-after-ms"] = retryAfterMs.ToString(CultureInfo.InvariantCulture);
                    }

                    await CannedAnswer.Empty(fault.Status ?? StatusCodes.Status429TooManyRequests).WriteAsync(context).ConfigureAwait(false);
                    break;
                case FaultKind.Redirect:
                    context.Response.Headers.Location = fault.Location ?? $"{context.Request.Scheme}://{context.Request.Host}{RedirectTargetPath}";
                    await CannedAnswer.Empty(fault.Status ?? StatusCodes.Status302Found).WriteAsync(context).ConfigureAwait(false);
                    break;
                case FaultKind.HugeBody:
                    await WriteHugeBodyAsync(context, fault).ConfigureAwait(false);
                    break;
                case FaultKind.Html:
                    await _captivePortal.WriteAsync(context).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"Fault kind {fault.Kind} does not answer a request.");
            }
        }

        private CannedAnswer StatusAnswer(FaultDefinition fault)
        {
            if (fault.Fixture is string fixture)
            {
                // The fixture's captured status unless the fault names one (the loader checked one exists).
                int fixtureStatus = fault.Status ?? _fixtures.Get(fixture).Status!.Value;
                return _fixtureAnswers.GetOrAdd((fixture, fixtureStatus), static (slot, fixtures) => fixtures.Answer(slot.Fixture, slot.Status), _fixtures);
            }

            int status = fault.Status ?? StatusCodes.Status503ServiceUnavailable;
            return status switch
            {
                StatusCodes.Status503ServiceUnavailable => _serviceUnavailable,
                StatusCodes.Status502BadGateway => _badGateway,
                StatusCodes.Status500InternalServerError => _internalError,
                // No capture for other statuses: the status alone; a scenario can name a fixture.
                _ => CannedAnswer.Empty(status),
            };
        }

        private CannedAnswer CloudflareAnswer(CloudflarePage? page) => page switch
        {
            CloudflarePage.Challenge => _cloudflareChallenge,
            CloudflarePage.Blocked => _cloudflareBlocked,
            _ => _cloudflareBadGateway,
        };

        private async Task WriteHugeBodyAsync(HttpContext context, FaultDefinition fault)
        {
            long total = Math.Max(fault.Bytes ?? DefaultHugeBodyBytes, _hugeBodyHead.Length);
            HttpResponse response = context.Response;
            response.StatusCode = fault.Status ?? StatusCodes.Status500InternalServerError;
            response.ContentType = "application/json";
            response.ContentLength = total;
            await response.Body.WriteAsync(_hugeBodyHead, context.RequestAborted).ConfigureAwait(false);
            long remaining = total - _hugeBodyHead.Length;
            while (remaining > 0)
            {
                int chunk = (int)Math.Min(remaining, Spaces.Length);
                await response.Body.WriteAsync(Spaces.AsMemory(0, chunk), context.RequestAborted).ConfigureAwait(false);
                remaining -= chunk;
            }
        }

        private static string CreateRayId() =>
            Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture) + "-LAX";

        private static byte[] CreateSpaces(int length)
        {
            byte[] spaces = new byte[length];
            spaces.AsSpan().Fill((byte)' ');
            return spaces;
        }
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.Control;
using ChatAnywhere.Emulator.Faults;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Personalities;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ChatAnywhere.Emulator.DataPlane
{
    /// <summary>
    /// Every non-control request: pick the personality, apply latency and faults, let the personality
    /// answer, or replay the corpus row the key names. The request is recorded on arrival (with a key
    /// fingerprint, never the key).
    /// </summary>
    public sealed class DataPlaneHandler
    {
        private const string BearerScheme = "Bearer ";

        private readonly ScenarioStore _store;
        private readonly PersonalityRouter _router;
        private readonly FaultPlanner _planner;
        private readonly FaultResponder _responder;
        private readonly RequestLog _log;
        private readonly AnswerCorpus _corpus;
        private readonly CancellationToken _stopping;

        public DataPlaneHandler(
            ScenarioStore store,
            PersonalityRouter router,
            FaultPlanner planner,
            FaultResponder responder,
            RequestLog log,
            AnswerCorpus corpus,
            CancellationToken stopping)
        {
            _store = store;
            _router = router;
            _planner = planner;
            _responder = responder;
            _log = log;
            _corpus = corpus;
            _stopping = stopping;
        }

        public async Task HandleAsync(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            ActiveScenario scenario = _store.Current;
            IPersonality personality = _router.Select(context.Request.Path, out PathString pathWithin);
            StringValues header = context.Request.Headers.Authorization;
            string? authorization = header.Count == 0 ? null : header[0];
            string? bearerKey = authorization is not null && authorization.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
                ? authorization[BearerScheme.Length..]
                : null;
            var request = new DataPlaneRequest
            {
                Context = context,
                Scenario = scenario,
                PathWithin = pathWithin,
                Authorization = authorization,
                BearerKey = bearerKey,
                Key = scenario.Find(bearerKey),
                ClientIp = context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                ReceivedAt = _store.Time.GetUtcNow(),
                Stopping = _stopping,
            };
            var entry = new RequestLogEntry(
                request.ReceivedAt.UtcDateTime,
                request.Method,
                context.Request.Path.Value ?? "/",
                personality.Name,
                authorization is null ? null : KeyFingerprint.Of(bearerKey ?? authorization),
                request.ClientIp);
            _log.Add(entry);

            try
            {
                FaultPlan plan = _planner.Plan(request);
                if (plan.DelayMs > 0)
                {
                    await request.DelayAsync(plan.DelayMs).ConfigureAwait(false);
                }

                if (request.Key?.Entry.Answer is string answer)
                {
                    // A replayed row is the whole answer, whatever the mount or the scenario's faults
                    // (the loader checked the id and its status); only the latency above applies.
                    await _corpus.Replay(answer).WriteAsync(context).ConfigureAwait(false);
                }
                else if (plan.Fault is { Kind: FaultKind.LostAnswer })
                {
                    await LostAnswer.HandleAsync(request, personality).ConfigureAwait(false);
                }
                else if (plan.Fault is not null)
                {
                    await _responder.RespondAsync(request, plan.Fault, personality.Name).ConfigureAwait(false);
                }
                else
                {
                    await personality.AnswerAsync(request).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
            {
                // The client left, or the emulator is stopping: there is nobody to answer.
                context.Abort();
            }
            finally
            {
                bool answered = context.Response.HasStarted || !context.RequestAborted.IsCancellationRequested;
                entry.Complete(answered ? context.Response.StatusCode : null);
            }
        }
    }
}

using System;
using System.Collections.Concurrent;
using ChatAnywhere.Emulator.Scenarios;

namespace ChatAnywhere.Emulator.Limits
{
    /// <summary>
    /// OpenAI's per-minute limits as buckets that refill continuously (the limit per minute, spread over the
    /// minute): the model that reproduces both captured refusals' figures, "Used 3 ... try again in 20s" at
    /// 3 RPM and "Limit 200000, Used 162960, Requested 42288 ... try again in 1.574s"
    /// (docs/reference/openai-rate-limits.md §2). One pair of buckets per key; a refused request takes nothing.
    /// </summary>
    public sealed class RateLimitBuckets
    {
        private readonly ConcurrentDictionary<string, KeyBuckets> _byKey = new(StringComparer.Ordinal);

        public RateLimitDecision Take(string key, OpenAIRateLimits limits, long tokens, DateTimeOffset now)
        {
            ArgumentNullException.ThrowIfNull(limits);
            KeyBuckets buckets = _byKey.GetOrAdd(key, static (_, state) => new KeyBuckets(state.limits, state.now), (limits, now));
            lock (buckets)
            {
                buckets.Refill(limits, now);
                // A refusal takes nothing, so its headers are the buckets as they stand.
                RateLimitDecision? refusal =
                    Refusal(RateLimitKind.Requests, limits.RequestsPerMinute, buckets.Requests, 1, buckets, limits)
                    ?? Refusal(RateLimitKind.Tokens, limits.TokensPerMinute, buckets.Tokens, tokens, buckets, limits);
                if (refusal is not null)
                {
                    return refusal;
                }

                buckets.Requests -= 1;
                buckets.Tokens -= tokens;
                return new RateLimitDecision(null, 0, 0, 0, TimeSpan.Zero, buckets.Headers(limits));
            }
        }

        public void ForgetKey(string key) => _byKey.TryRemove(key, out _);

        public void Clear() => _byKey.Clear();

        private static RateLimitDecision? Refusal(RateLimitKind kind, int limit, double available, long requested, KeyBuckets buckets, OpenAIRateLimits limits)
        {
            if (available >= requested)
            {
                return null;
            }

            if (requested > limit)
            {
                // More than the whole limit: OpenAI's "Request too large" (OA-429-request-too-large-tpm), which no wait lets through.
                return new RateLimitDecision(kind, limit, 0, requested, TimeSpan.Zero, buckets.Headers(limits)) { TooLarge = true };
            }

            double perSecond = limit / 60.0;
            // What is missing, at the refill rate.
            TimeSpan wait = TimeSpan.FromSeconds((requested - available) / perSecond);
            long used = limit - (long)Math.Floor(available);
            return new RateLimitDecision(kind, limit, used, requested, wait, buckets.Headers(limits));
        }

        private sealed class KeyBuckets(OpenAIRateLimits limits, DateTimeOffset now)
        {
            public double Requests { get; set; } = limits.RequestsPerMinute;

            public double Tokens { get; set; } = limits.TokensPerMinute;

            private DateTimeOffset _refilledAt = now;

            public void Refill(OpenAIRateLimits limits, DateTimeOffset now)
            {
                double seconds = Math.Max((now - _refilledAt).TotalSeconds, 0);
                _refilledAt = now;
                Requests = Math.Min(limits.RequestsPerMinute, Requests + (seconds * limits.RequestsPerMinute / 60.0));
                Tokens = Math.Min(limits.TokensPerMinute, Tokens + (seconds * limits.TokensPerMinute / 60.0));
            }

            /// <summary>Remaining whole units, and the time until each bucket is full again.</summary>
            public RateLimitHeaders Headers(OpenAIRateLimits limits) => new(
                limits.RequestsPerMinute,
                limits.TokensPerMinute,
                (long)Math.Floor(Math.Max(Requests, 0)),
                (long)Math.Floor(Math.Max(Tokens, 0)),
                TimeSpan.FromSeconds((limits.RequestsPerMinute - Requests) * 60.0 / limits.RequestsPerMinute),
                TimeSpan.FromSeconds((limits.TokensPerMinute - Tokens) * 60.0 / limits.TokensPerMinute));
        }
    }

    public enum RateLimitKind
    {
        Requests,
        Tokens,
    }

    /// <summary>The values of OpenAI's x-ratelimit-* headers after a request.</summary>
    public sealed record RateLimitHeaders(long LimitRequests, long LimitTokens, long RemainingRequests, long RemainingTokens, TimeSpan ResetRequests, TimeSpan ResetTokens);

    /// <summary>Admitted (<see cref="LimitedOn"/> null), or refused on one limit with the figures OpenAI's message names.</summary>
    public sealed record RateLimitDecision(RateLimitKind? LimitedOn, long Limit, long Used, long Requested, TimeSpan RetryAfter, RateLimitHeaders Headers)
    {
        /// <summary>The request alone asks for more than the whole limit: no wait helps.</summary>
        public bool TooLarge { get; init; }
    }
}

using System;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>How one exchange ended: an answer, a transport failure, or its own timeout.</summary>
    internal sealed class HttpOutcome
    {
        private HttpOutcome(ProbeResponse? response, Exception? failure, bool timedOut)
        {
            Response = response;
            Failure = failure;
            TimedOut = timedOut;
        }

        /// <summary>The answer, when one came.</summary>
        public ProbeResponse? Response { get; }

        /// <summary>The transport failure (DNS, connect, TLS, reset, proxy), when the exchange failed.</summary>
        public Exception? Failure { get; }

        /// <summary>True when the exchange's own timeout ended it.</summary>
        public bool TimedOut { get; }

        public static HttpOutcome Answered(ProbeResponse response) => new HttpOutcome(response, null, false);

        public static HttpOutcome Failed(Exception failure) => new HttpOutcome(null, failure, false);

        public static HttpOutcome Timeout() => new HttpOutcome(null, null, true);
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Endpoints;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// After revoking, probes the old key until the relay refuses it or the check's time is up;
    /// relays cache tokens, so "still accepted" is a warning, not a failure.
    /// </summary>
    internal sealed class OldKeyRefusalCheck
    {
        private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

        private readonly KeyProber _prober;
        private readonly TimeSpan _timeout;
        private readonly TimeProvider _time;
        private readonly IProbeLog _log;

        public OldKeyRefusalCheck(KeyProber prober, TimeSpan timeout, TimeProvider time, IProbeLog log)
        {
            _prober = prober;
            _timeout = timeout;
            _time = time;
            _log = log;
        }

        /// <summary>True when refused, false when still accepted (a warning is added), null when no answer said either.</summary>
        public async Task<bool?> ConfirmAsync(ServiceEndpoint relay, string oldKey, RotationOutcome outcome, CancellationToken cancellationToken)
        {
            var key = KeyInspector.Inspect(oldKey);
            var started = _time.GetTimestamp();
            bool? refused = null;
            while (true)
            {
                var result = await _prober.TestAsync(key, relay, cancellationToken).ConfigureAwait(false);
                switch (result.Verdict)
                {
                    case KeyVerdict.Valid:
                        refused = false;
                        break;
                    case KeyVerdict.InvalidKey:
                    case KeyVerdict.Restricted:
                    case KeyVerdict.QuotaExhausted:
                        _log.Verbose($"The relay refuses the old key {key.Masked}: {result.Verdict} ({result.Reason}).");
                        return true;
                    default:
                        break;
                }

                if (_time.GetElapsedTime(started) + ProbeInterval > _timeout)
                {
                    break;
                }

                await _time.Delay(ProbeInterval, cancellationToken).ConfigureAwait(false);
            }

            if (refused == false)
            {
                outcome.Warnings.Add(RotationMessages.OldKeyStillAccepted(key.Masked, _timeout, outcome.OldKeyState));
            }

            return refused;
        }
    }
}

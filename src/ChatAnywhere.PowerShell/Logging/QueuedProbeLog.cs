using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.PowerShell.Logging
{
    /// <summary>
    /// Collects the engine's lines from worker threads so the pipeline thread can write them
    /// (only it may call WriteVerbose / WriteDebug). Every line passes the redactor once more.
    /// </summary>
    internal sealed class QueuedProbeLog : IProbeLog
    {
        private readonly ConcurrentQueue<(bool IsDebug, string Text)> _lines = new ConcurrentQueue<(bool, string)>();
        private readonly SecretRedactor _redactor;
        private readonly bool _verbose;
        private readonly bool _debug;

        /// <summary>Creates a log; lines of a disabled stream are dropped at once.</summary>
        public QueuedProbeLog(SecretRedactor redactor, bool verbose, bool debug)
        {
            _redactor = redactor;
            _verbose = verbose;
            _debug = debug;
        }

        /// <summary>A log for <paramref name="command"/> that keeps only the streams its caller will see.</summary>
        public static QueuedProbeLog For(PSCmdlet command, SecretRedactor redactor) =>
            new QueuedProbeLog(redactor, IsStreamShown(command, "Verbose", "VerbosePreference"), IsStreamShown(command, "Debug", "DebugPreference"));

        /// <inheritdoc />
        public bool IsVerboseEnabled => _verbose;

        /// <inheritdoc />
        public bool IsDebugEnabled => _debug;

        /// <inheritdoc />
        public void Verbose(string message)
        {
            if (_verbose)
            {
                _lines.Enqueue((false, message));
            }
        }

        /// <inheritdoc />
        public void Debug(string message)
        {
            if (_debug)
            {
                _lines.Enqueue((true, message));
            }
        }

        /// <summary>Takes the next line, redacted.</summary>
        public bool TryTake(out bool isDebug, out string text)
        {
            if (_lines.TryDequeue(out var line))
            {
                isDebug = line.IsDebug;
                text = _redactor.Redact(line.Text);
                return true;
            }

            isDebug = false;
            text = string.Empty;
            return false;
        }

        /// <summary>Writes the queued lines to <paramref name="command"/>'s streams; pipeline thread only.</summary>
        public void WriteTo(Cmdlet command)
        {
            while (TryTake(out var isDebug, out var text))
            {
                if (isDebug)
                {
                    command.WriteDebug(text);
                }
                else
                {
                    command.WriteVerbose(text);
                }
            }
        }

        private static bool IsStreamShown(PSCmdlet command, string switchName, string preferenceVariable)
        {
            if (command.MyInvocation.BoundParameters.TryGetValue(switchName, out var bound))
            {
                return bound is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            var preference = command.GetVariableValue(preferenceVariable);
            return preference is ActionPreference action
                ? action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore
                : preference is not null && !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }
    }
}

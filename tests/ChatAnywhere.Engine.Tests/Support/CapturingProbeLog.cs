using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Engine.Logging;
using ChatAnywhere.Engine.Probing;

namespace ChatAnywhere.Engine.Tests.Support
{
    /// <summary>An IProbeLog that keeps every Verbose and Debug line, as -Verbose -Debug would show them.</summary>
    public sealed class CapturingProbeLog : IProbeLog
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public bool IsVerboseEnabled => true;

        public bool IsDebugEnabled => true;

        public IReadOnlyList<string> Lines => _lines.ToList();

        public void Verbose(string message) => _lines.Enqueue("VERBOSE: " + message);

        public void Debug(string message) => _lines.Enqueue("DEBUG: " + message);
    }
}

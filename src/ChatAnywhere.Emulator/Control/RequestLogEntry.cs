using System;
using System.Threading;

namespace ChatAnywhere.Emulator.Control
{
    /// <summary>
    /// One data-plane request as the control endpoint reports it. It is logged when the request
    /// arrives, so a client that has its answer always finds its request in the log (a log written
    /// after the answer raced the client's next call); <see cref="Status"/> follows once answered.
    /// </summary>
    public sealed class RequestLogEntry
    {
        private int _status = NotAnswered;
        private int _completed;

        private const int NotAnswered = -1;

        public RequestLogEntry(DateTime time, string method, string path, string personality, string? keyFingerprint, string clientIp)
        {
            Time = time;
            Method = method;
            Path = path;
            Personality = personality;
            KeyFingerprint = keyFingerprint;
            ClientIp = clientIp;
        }

        public DateTime Time { get; }

        public string Method { get; }

        public string Path { get; }

        public string Personality { get; }

        public string? KeyFingerprint { get; }

        public string ClientIp { get; }

        /// <summary>The status sent; null while the request is in flight or when nothing was sent (reset fault, client gone).</summary>
        public int? Status => Volatile.Read(ref _status) is var status && status == NotAnswered ? null : status;

        /// <summary>False while the emulator is still working on the request.</summary>
        public bool Completed => Volatile.Read(ref _completed) == 1;

        /// <summary>Records how the request ended; <paramref name="status"/> is null when no answer was sent.</summary>
        public void Complete(int? status)
        {
            Volatile.Write(ref _status, status ?? NotAnswered);
            Volatile.Write(ref _completed, 1);
        }
    }
}

using System;

namespace ChatAnywhere.Emulator.Control;

/// <summary>
/// One data-plane request as the control endpoint reports it.
/// <paramref name="Status"/> is null when no response was sent (reset fault, client gone).
/// </summary>
public sealed record RequestLogEntry(
    DateTime Time,
    string Method,
    string Path,
    string Personality,
    string? KeyFingerprint,
    string ClientIp,
    int? Status);

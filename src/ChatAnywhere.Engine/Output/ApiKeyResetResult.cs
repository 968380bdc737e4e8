using System;
using System.Collections.Generic;

namespace ChatAnywhere
{
    /// <summary>
    /// The result of rotating one relay token. The new key is a SecureString unless the caller
    /// asked for plain text; ToString and the masked properties never show a whole key.
    /// </summary>
    public sealed class ApiKeyResetResult
    {
        /// <summary>The old key, masked.</summary>
        public string OldKey { get; set; } = string.Empty;

        /// <summary>The new key: a SecureString, or a string with -AsPlainText.</summary>
        public object? NewKey { get; set; }

        /// <summary>The new key, masked.</summary>
        public string NewKeyMasked { get; set; } = string.Empty;

        /// <summary>A short SHA-256 fingerprint of the new key, to match it in logs without showing it.</summary>
        public string NewKeyFingerprint { get; set; } = string.Empty;

        /// <summary>The relay's id of the old token.</summary>
        public long OldTokenId { get; set; }

        /// <summary>The relay's id of the new token.</summary>
        public long NewTokenId { get; set; }

        /// <summary>The token's name (both tokens carry it).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The relay's base URL.</summary>
        public string BaseUri { get; set; } = string.Empty;

        /// <summary>The relay software whose API was used.</summary>
        public RelayBackend Backend { get; set; }

        /// <summary>True when a probe on the relay's data plane accepted the new key; false with -NoVerify.</summary>
        public bool Verified { get; set; }

        /// <summary>What became of the old token.</summary>
        public OldKeyState OldKeyState { get; set; }

        /// <summary>
        /// True when a probe after revoking saw the old key refused; false when the relay still
        /// accepted it (its token cache); null when not checked (-NoVerify, -RevokeMode Keep, key unknown).
        /// </summary>
        public bool? OldKeyRefused { get; set; }

        /// <summary>Tokens the rotation created and could neither use nor delete again (delete them in the relay's dashboard); empty when none.</summary>
        public IReadOnlyList<long> LeftoverTokenIds { get; set; } = Array.Empty<long>();

        /// <summary>When the rotation ended, in UTC.</summary>
        public DateTime CompletedAt { get; set; }

        /// <inheritdoc />
        public override string ToString() => $"{Name} #{OldTokenId} -> #{NewTokenId} ({NewKeyMasked}), old token {OldKeyState}";
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using ChatAnywhere.Engine.Keys;
using ChatAnywhere.Engine.Management;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// A finished rotation: the new token and key, and what became of the old one. Holds the new
    /// key whole (the cmdlet turns it into a SecureString); ToString shows it masked.
    /// </summary>
    internal sealed class RotationOutcome
    {
        internal RotationOutcome(RotationPlan plan, long newTokenId, string newKey)
        {
            Plan = plan;
            NewTokenId = newTokenId;
            NewKey = newKey;
        }

        /// <summary>What was planned.</summary>
        public RotationPlan Plan { get; }

        /// <summary>The new token's id.</summary>
        public long NewTokenId { get; }

        /// <summary>The new key, whole, with its sk- prefix.</summary>
        public string NewKey { get; }

        /// <summary>The new key, masked.</summary>
        public string NewKeyMasked => KeyMask.Mask(NewKey);

        /// <summary>True when the relay's data plane accepted the new key.</summary>
        public bool Verified { get; internal set; }

        /// <summary>What became of the old token.</summary>
        public OldKeyState OldKeyState { get; internal set; } = OldKeyState.StillActive;

        /// <summary>True when the old key was seen refused; false when still accepted; null when not checked.</summary>
        public bool? OldKeyRefused { get; internal set; }

        /// <summary>Why revoking the old token failed; null when it did not.</summary>
        public RelayManagementException? RevokeFailure { get; internal set; }

        /// <summary>Tokens created on the way that are neither the new token nor deleted again.</summary>
        public IList<long> LeftoverTokenIds { get; } = new List<long>();

        /// <summary>Things the user should know that did not stop the rotation.</summary>
        public IList<string> Warnings { get; } = new List<string>();

        /// <summary>When the rotation ended.</summary>
        public DateTimeOffset CompletedAt { get; internal set; }

        /// <summary>
        /// What Reset-ApiKey writes. <paramref name="newKey"/> is the new key as the caller hands
        /// it out (a SecureString, or with -AsPlainText the string).
        /// </summary>
        public ApiKeyResetResult ToResult(object newKey) => new ApiKeyResetResult
        {
            OldKey = Plan.OldKeyMasked,
            NewKey = newKey,
            NewKeyMasked = NewKeyMasked,
            NewKeyFingerprint = KeyMask.Fingerprint(NewKey),
            OldTokenId = Plan.OldToken.Id,
            NewTokenId = NewTokenId,
            Name = Plan.OldToken.Name,
            BaseUri = Plan.Request.Relay.ToString(),
            Backend = Plan.Backend,
            Verified = Verified,
            OldKeyState = OldKeyState,
            OldKeyRefused = OldKeyRefused,
            LeftoverTokenIds = LeftoverTokenIds.ToArray(),
            CompletedAt = CompletedAt.UtcDateTime,
        };

        /// <inheritdoc />
        public override string ToString() => $"{Plan.OldToken} -> #{NewTokenId} ({NewKeyMasked}), old token {OldKeyState}";
    }
}

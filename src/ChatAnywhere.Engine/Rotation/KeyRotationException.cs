using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// A rotation that could not be done. The old token is untouched; a replacement created on the
    /// way has been deleted again, unless <see cref="LeftoverTokenIds"/> names it.
    /// </summary>
    internal sealed class KeyRotationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public KeyRotationException(RotationFailure failure, string message, string advice, Exception? innerException = null)
            : base(message, innerException)
        {
            Failure = failure;
            Advice = advice;
        }

        /// <summary>Why the rotation stopped.</summary>
        public RotationFailure Failure { get; }

        /// <summary>What the user can do about it.</summary>
        public string Advice { get; }

        /// <summary>The first of <see cref="LeftoverTokenIds"/>; null when none is left.</summary>
        public long? LeftoverTokenId
        {
            get => LeftoverTokenIds.Count > 0 ? LeftoverTokenIds[0] : null;
            internal set => LeftoverTokenIds = value is long id ? new[] { id } : Array.Empty<long>();
        }

        /// <summary>Every token the rotation created and could neither use nor delete again; empty when none is left.</summary>
        public IReadOnlyList<long> LeftoverTokenIds { get; internal set; } = Array.Empty<long>();

        /// <summary>The verification's last probe, when verification failed.</summary>
        public KeyActivationResult? Verification { get; internal set; }
    }
}

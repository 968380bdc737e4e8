using System;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// A rotation that could not be done. The old token is untouched; a replacement created on the
    /// way has been deleted again, unless <see cref="LeftoverTokenId"/> says otherwise.
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

        /// <summary>The id of a replacement token that could not be deleted again; null when none is left.</summary>
        public long? LeftoverTokenId { get; internal set; }

        /// <summary>The verification's last probe, when verification failed.</summary>
        public KeyActivationResult? Verification { get; internal set; }
    }
}

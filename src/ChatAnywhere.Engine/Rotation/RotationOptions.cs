using System;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>How Reset-ApiKey rotates.</summary>
    internal sealed class RotationOptions
    {
        /// <summary>What to do with the old token once the new key works.</summary>
        public RevokeMode RevokeMode { get; set; } = RevokeMode.Disable;

        /// <summary>Probe the new key before revoking the old one, and the old key after.</summary>
        public bool Verify { get; set; } = true;

        /// <summary>How long to wait for the relay's data plane to accept the new key.</summary>
        public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long to watch for the old key being refused before reporting that a cache keeps it alive.</summary>
        public TimeSpan RevokeCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>The longest a single management call may take.</summary>
        public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}

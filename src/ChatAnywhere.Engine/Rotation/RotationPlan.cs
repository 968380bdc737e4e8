using ChatAnywhere.Engine.Management;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>
    /// What a rotation will do, known after reading only: the backend, the old token and the
    /// steps in words, so the cmdlet can ask ShouldProcess before anything changes.
    /// </summary>
    internal sealed class RotationPlan
    {
        internal RotationPlan(RotationRequest request, RelayBackend backend, RelayManagementClient client, RelayToken oldToken, string? oldKey, string target, string action)
        {
            Request = request;
            Backend = backend;
            Client = client;
            OldToken = oldToken;
            OldKey = oldKey;
            Target = target;
            Action = action;
        }

        /// <summary>What was asked.</summary>
        public RotationRequest Request { get; }

        /// <summary>The relay software (OneApi or NewApi).</summary>
        public RelayBackend Backend { get; }

        /// <summary>The token to replace.</summary>
        public RelayToken OldToken { get; }

        /// <summary>The old key, masked.</summary>
        public string OldKeyMasked => OldKey is not null ? Keys.KeyMask.Mask(OldKey) : OldToken.MaskedKey;

        /// <summary>The token and relay, in words (ShouldProcess's target).</summary>
        public string Target { get; }

        /// <summary>Every step that would change something, in words (ShouldProcess's action and -WhatIf).</summary>
        public string Action { get; }

        internal RelayManagementClient Client { get; }

        // The whole old key, when known (chosen by key, or shown whole by the relay).
        internal string? OldKey { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Action} ({Target})";
    }
}

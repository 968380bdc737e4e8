namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>Why a rotation stopped before the old token was touched.</summary>
    internal enum RotationFailure
    {
        /// <summary>The backend offers no key regeneration (ChatAnywhere's hosted service, OpenAI).</summary>
        NotSupported = 0,

        /// <summary>The base URL does not answer as a one-api or new-api relay.</summary>
        UnknownBackend,

        /// <summary>No token of this user matches the key, id or name.</summary>
        TokenNotFound,

        /// <summary>More than one token has that name.</summary>
        AmbiguousName,

        /// <summary>The new token was created but its key could not be read.</summary>
        KeyNotObtained,

        /// <summary>The new token was created but could not be completed (found again, or given the old name).</summary>
        ReplacementFailed,

        /// <summary>The relay's data plane did not accept the new key in time.</summary>
        VerificationFailed,
    }
}

namespace ChatAnywhere
{
    /// <summary>What became of the old token after a rotation.</summary>
    public enum OldKeyState
    {
        /// <summary>The relay disabled it.</summary>
        Disabled = 0,

        /// <summary>The relay deleted it.</summary>
        Deleted,

        /// <summary>It still works: -RevokeMode Keep, or revoking it failed.</summary>
        StillActive,
    }
}

namespace ChatAnywhere
{
    /// <summary>What Reset-ApiKey does with the old token once the new key works (-RevokeMode).</summary>
    public enum RevokeMode
    {
        /// <summary>Disable it (status 2): reversible from the relay's dashboard.</summary>
        Disable = 0,

        /// <summary>Delete it: the relay forgets it.</summary>
        Delete,

        /// <summary>Leave it working, for a hand-over period; revoke it yourself later.</summary>
        Keep,
    }
}

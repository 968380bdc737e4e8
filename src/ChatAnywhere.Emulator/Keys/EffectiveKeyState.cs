namespace ChatAnywhere.Emulator.Keys
{
    /// <summary>How the service treats a key at one moment.</summary>
    public enum EffectiveKeyState
    {
        /// <summary>The service does not know the key (yet): its invalid-key answer.</summary>
        NotRecognized,
        Active,
        Suspended,
        BalanceTooLow,

        /// <summary>Refused with the free plan's daily-limit answer whatever the key's count.</summary>
        DailyLimitReached,
    }
}

namespace ChatAnywhere.Engine.Clients
{
    /// <summary>Where a setting was found.</summary>
    internal enum SettingScope
    {
        /// <summary>This process's environment: what a program started from here gets.</summary>
        Process,

        /// <summary>Windows: the user's environment, what a new terminal or a service of the user gets.</summary>
        User,

        /// <summary>Windows: the machine's environment.</summary>
        Machine,

        /// <summary>A .env file, used by programs that load it (python-dotenv, dotenv, node --env-file).</summary>
        DotEnv,

        /// <summary>A PowerShell session variable ($global:), read by PSOpenAI before the environment.</summary>
        Session,

        /// <summary>$PSDefaultParameterValues for this module's cmdlets.</summary>
        DefaultParameterValue,
    }
}

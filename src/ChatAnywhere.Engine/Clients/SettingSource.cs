namespace ChatAnywhere.Engine.Clients
{
    /// <summary>One value of one setting and where it was found.</summary>
    internal sealed class SettingSource
    {
        public SettingSource(string name, string value, SettingScope scope, string origin)
        {
            Name = name;
            Value = value;
            Scope = scope;
            Origin = origin;
        }

        /// <summary>The variable's name, e.g. OPENAI_API_KEY.</summary>
        public string Name { get; }

        /// <summary>The value as found (a key is secret: never shown, only masked).</summary>
        public string Value { get; }

        public SettingScope Scope { get; }

        /// <summary>Where, for the admin: "env:OPENAI_API_KEY (Process)", "./.env line 3", "$global:OPENAI_API_BASE".</summary>
        public string Origin { get; }

        public override string ToString() => Origin;
    }
}

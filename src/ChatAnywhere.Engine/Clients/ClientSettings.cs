using System;
using System.Collections.Generic;
using System.Linq;

namespace ChatAnywhere.Engine.Clients
{
    /// <summary>
    /// Every value of the variables the clients read, from every scope the cmdlet looked at. The cmdlet
    /// gathers them (it can read the environment, .env files and the session); the engine only decides.
    /// </summary>
    internal sealed class ClientSettings
    {
        private readonly List<SettingSource> _sources = new List<SettingSource>();

        public IReadOnlyList<SettingSource> Sources => _sources;

        public void Add(SettingSource source)
        {
            if (source is null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            // An empty value counts as unset for every client that checks (docs/client-environment.md, "empty = unset").
            if (source.Value.Length > 0)
            {
                _sources.Add(source);
            }
        }

        /// <summary>
        /// The value a program started from here would see: the process environment, else the nearest
        /// .env file (dotenv loaders do not override what the environment already has).
        /// </summary>
        public SettingSource? Effective(string name) =>
            First(name, SettingScope.Process) ?? First(name, SettingScope.DotEnv);

        /// <summary>The value of <paramref name="name"/> in one scope, if any.</summary>
        public SettingSource? First(string name, SettingScope scope) =>
            _sources.FirstOrDefault(s => s.Scope == scope && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>Every value of <paramref name="name"/>, in every scope.</summary>
        public IEnumerable<SettingSource> All(string name) =>
            _sources.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}

using System.Collections.Generic;

namespace ChatAnywhere.Engine.Clients
{
    /// <summary>
    /// How one client finds its key and base URL when the program does not pass them in code, and how it
    /// joins the base URL with a request path (docs/client-environment.md, each row cited to its source).
    /// </summary>
    internal sealed class ClientProfile
    {
        public ClientProfile(string name, string[] keyVariables, string[] baseUriVariables, string defaultBaseUri, bool addsV1, bool trimsValues, string[]? sessionVariables = null, bool readsParameterDefaults = false)
        {
            Name = name;
            KeyVariables = keyVariables;
            BaseUriVariables = baseUriVariables;
            DefaultBaseUri = defaultBaseUri;
            AddsV1 = addsV1;
            TrimsValues = trimsValues;
            SessionVariables = sessionVariables ?? new string[0];
            ReadsParameterDefaults = readsParameterDefaults;
        }

        /// <summary>The client and the versions the facts hold for.</summary>
        public string Name { get; }

        /// <summary>Environment variables for the key, first wins.</summary>
        public IReadOnlyList<string> KeyVariables { get; }

        /// <summary>Environment variables for the base URL, first wins; empty when the client reads none.</summary>
        public IReadOnlyList<string> BaseUriVariables { get; }

        /// <summary>PowerShell session ($global:) variables read before the environment (PSOpenAI), key first then base URL.</summary>
        public IReadOnlyList<string> SessionVariables { get; }

        /// <summary>The base URL when no variable is set.</summary>
        public string DefaultBaseUri { get; }

        /// <summary>True when the client adds /v1 itself (this module); all others need it in the base URL.</summary>
        public bool AddsV1 { get; }

        /// <summary>True when the client trims white space from the values it reads (openai-node).</summary>
        public bool TrimsValues { get; }

        /// <summary>True for this module, whose cmdlets take -ApiKey and -BaseUri from $PSDefaultParameterValues first.</summary>
        public bool ReadsParameterDefaults { get; }

        public override string ToString() => Name;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ChatAnywhere.Engine.Clients;
using ChatAnywhere.PowerShell.Sources;

namespace ChatAnywhere.PowerShell.Commands
{
    /// <summary>
    /// Get-ApiKeyEnvironment: which key and base URL each client on this machine would use, where it would
    /// find them, and what is wrong with them. It reads the environment, .env files and the session; it
    /// sends nothing anywhere.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ApiKeyEnvironment", HelpUri = "docs/cmdlets/Get-ApiKeyEnvironment.md")]
    [OutputType(typeof(ApiKeyEnvironment))]
    public sealed class GetApiKeyEnvironmentCommand : PSCmdlet
    {
        private readonly List<string> _paths = new List<string>();

        /// <summary>.env files, or folders holding one; by default the current folder and its parents.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>Only these clients (wildcards allowed).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ClientNameCompleter))]
        public string[]? Client { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            // Paths piped in (Get-ChildItem -Recurse -Filter .env | Get-ApiKeyEnvironment) arrive one record at a time.
            if (Path is not null)
            {
                _paths.AddRange(Path);
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            var sources = new ClientSettingsReader(this);
            var settings = new ClientSettings();
            sources.ReadEnvironment(settings);
            sources.ReadDotEnvFiles(settings, _paths.Count == 0 ? null : _paths.ToArray());
            sources.ReadSession(settings);

            var patterns = (Client ?? new[] { "*" }).Select(c => new WildcardPattern(c, WildcardOptions.IgnoreCase)).ToList();
            foreach (var result in ClientEnvironmentResolver.Resolve(settings, DateTime.UtcNow))
            {
                if (patterns.Any(p => p.IsMatch(result.Client)))
                {
                    WriteObject(result);
                }
            }
        }
    }
}

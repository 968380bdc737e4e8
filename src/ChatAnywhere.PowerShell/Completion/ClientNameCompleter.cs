using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ChatAnywhere.Engine.Clients;

namespace ChatAnywhere.PowerShell.Completion
{
    /// <summary>Completes -Client with the names of the clients Get-ApiKeyEnvironment knows.</summary>
    public sealed class ClientNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ClientProfiles.All
                .Where(p => p.Name.StartsWith(typed, System.StringComparison.OrdinalIgnoreCase))
                .Select(p => new CompletionResult("'" + p.Name + "'", p.Name, CompletionResultType.ParameterValue, p.Name));
        }
    }
}

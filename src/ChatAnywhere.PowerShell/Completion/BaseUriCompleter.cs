using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.PowerShell.Completion
{
    /// <summary>Completes -BaseUri with ChatAnywhere's two API hosts.</summary>
    public sealed class BaseUriCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var uri in KnownHosts.ChatAnywhereBaseUris)
            {
                if (uri.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ||
                    uri.Substring("https://".Length).StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    var tip = uri == KnownHosts.DefaultBaseUri ? "ChatAnywhere, mainland China (default)" : "ChatAnywhere, overseas";
                    yield return new CompletionResult(uri, uri, CompletionResultType.ParameterValue, tip);
                }
            }
        }
    }
}

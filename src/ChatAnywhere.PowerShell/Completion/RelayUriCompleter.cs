using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ChatAnywhere.Engine.Endpoints;

namespace ChatAnywhere.PowerShell.Completion
{
    /// <summary>
    /// Completes Reset-ApiKey's -BaseUri with the relay addresses set in the environment. ChatAnywhere's
    /// own hosts are left out: they cannot rotate keys, so offering them would only lead to an error.
    /// </summary>
    public sealed class RelayUriCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var variable in EnvironmentDefaults.BaseUriVariables)
            {
                var value = Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri) ||
                    KnownHosts.KindOf(uri) == EndpointKind.ChatAnywhere || !offered.Add(value.Trim()))
                {
                    continue;
                }

                var text = value.Trim();
                if (text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || uri.Host.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(text, text, CompletionResultType.ParameterValue, $"from $env:{variable}");
                }
            }
        }
    }
}

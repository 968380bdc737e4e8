using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ChatAnywhere.PowerShell.Completion
{
    /// <summary>
    /// Completes -Model with models the free tier has named in its own refusals
    /// (CA-403-free-model-whitelist-completions, CA-403-free-model-anthropic-messages), cheapest first.
    /// Any other model name is accepted too.
    /// </summary>
    public sealed class ModelCompleter : IArgumentCompleter
    {
        private static readonly string[] Models =
        {
            "gpt-4o-mini", "gpt-3.5-turbo", "gpt-4o", "gpt-4", "deepseek-v3", "deepseek-r1",
        };

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var model in Models)
            {
                if (model.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(model, model, CompletionResultType.ParameterValue, model);
                }
            }
        }
    }
}

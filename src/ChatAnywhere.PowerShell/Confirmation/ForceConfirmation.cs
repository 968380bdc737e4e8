using System.Management.Automation;

namespace ChatAnywhere.PowerShell.Confirmation
{
    /// <summary>
    /// -Force answers the confirmation prompt, but must not turn -WhatIf into a change (the trap of
    /// "Force || ShouldProcess" in ClearRecycleBinCommand), and an explicit -Confirm still asks.
    /// </summary>
    internal static class ForceConfirmation
    {
        /// <summary>True when <paramref name="command"/> may skip ShouldProcess because -Force answers it.</summary>
        public static bool AnswersPrompt(PSCmdlet command, bool force)
        {
            var bound = command.MyInvocation.BoundParameters;
            var whatIf = bound.TryGetValue("WhatIf", out var value)
                ? LanguagePrimitives.IsTrue(value)
                : LanguagePrimitives.IsTrue(command.GetVariableValue("WhatIfPreference"));
            return force && !whatIf && !bound.ContainsKey("Confirm");
        }
    }
}

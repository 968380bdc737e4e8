using System;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>A scenario (file, control PUT or added key) that cannot be used; the message says why.</summary>
    public sealed class ScenarioValidationException : Exception
    {
        public ScenarioValidationException()
        {
        }

        public ScenarioValidationException(string message)
            : base(message)
        {
        }

        public ScenarioValidationException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}

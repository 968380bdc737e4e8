using ChatAnywhere.Engine.Activation;

namespace ChatAnywhere.Engine.Rotation
{
    /// <summary>Where a rotation stands, written by the rotator and read by the cmdlet for its progress bar.</summary>
    internal sealed class RotationProgress
    {
        /// <summary>How many steps a rotation has (find, create, read key, verify, revoke, confirm).</summary>
        public const int StepCount = 6;

        private readonly object _gate = new object();
        private string _step = "Finding the token";
        private int _stepNumber = 1;
        private ActivationProgress? _verification;

        /// <summary>The current step, in words.</summary>
        public string Step
        {
            get
            {
                lock (_gate)
                {
                    return _step;
                }
            }
        }

        /// <summary>The current step's number, 1 to <see cref="StepCount"/>.</summary>
        public int StepNumber
        {
            get
            {
                lock (_gate)
                {
                    return _stepNumber;
                }
            }
        }

        /// <summary>The new key's verification, while it runs.</summary>
        public ActivationProgress? Verification
        {
            get
            {
                lock (_gate)
                {
                    return _verification;
                }
            }
        }

        internal void Enter(int stepNumber, string step, ActivationProgress? verification = null)
        {
            lock (_gate)
            {
                _stepNumber = stepNumber;
                _step = step;
                _verification = verification;
            }
        }
    }
}

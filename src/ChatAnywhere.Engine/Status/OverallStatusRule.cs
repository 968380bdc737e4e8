using System.Collections.Generic;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>The rule for <see cref="ServiceStatus.Overall"/>, in one place.</summary>
    internal static class OverallStatusRule
    {
        /// <summary>
        /// Unknown when no endpoint could be checked; Outage when none of those checked is
        /// Operational; Operational when every endpoint is Operational and every monitor with a
        /// heartbeat is Up; otherwise Degraded. A monitor without any heartbeat (Unknown) says
        /// nothing, so it neither spoils nor makes an Operational answer.
        /// </summary>
        public static OverallStatus Decide(IReadOnlyList<EndpointStatus> endpoints, IReadOnlyList<ComponentStatus> components)
        {
            var checkedCount = 0;
            var operational = 0;
            foreach (var endpoint in endpoints ?? new EndpointStatus[0])
            {
                if (endpoint.Status == EndpointHealth.Unknown)
                {
                    continue;
                }

                checkedCount++;
                if (endpoint.Status == EndpointHealth.Operational)
                {
                    operational++;
                }
            }

            if (checkedCount == 0)
            {
                return OverallStatus.Unknown;
            }

            if (operational == 0)
            {
                return OverallStatus.Outage;
            }

            if (operational < checkedCount)
            {
                return OverallStatus.Degraded;
            }

            foreach (var component in components ?? new ComponentStatus[0])
            {
                if (component.Status != ComponentHealth.Up && component.Status != ComponentHealth.Unknown)
                {
                    return OverallStatus.Degraded;
                }
            }

            return OverallStatus.Operational;
        }
    }
}

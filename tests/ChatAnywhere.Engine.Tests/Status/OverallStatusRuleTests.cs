using ChatAnywhere.Engine.Status;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>The Overall rule, case by case.</summary>
    public sealed class OverallStatusRuleTests
    {
        private static EndpointStatus E(EndpointHealth health) => new() { Status = health };

        private static ComponentStatus C(ComponentHealth health) => new() { Status = health };

        [Fact]
        public void Every_endpoint_operational_and_every_monitor_up_is_operational() =>
            Assert.Equal(OverallStatus.Operational, OverallStatusRule.Decide(new[] { E(EndpointHealth.Operational), E(EndpointHealth.Operational) }, new[] { C(ComponentHealth.Up) }));

        [Fact]
        public void Endpoints_without_a_status_page_can_be_operational() =>
            Assert.Equal(OverallStatus.Operational, OverallStatusRule.Decide(new[] { E(EndpointHealth.Operational) }, new ComponentStatus[0]));

        [Theory]
        [InlineData(ComponentHealth.Down)]
        [InlineData(ComponentHealth.Pending)]
        [InlineData(ComponentHealth.Maintenance)]
        public void A_monitor_not_up_makes_it_degraded(ComponentHealth monitor) =>
            Assert.Equal(OverallStatus.Degraded, OverallStatusRule.Decide(new[] { E(EndpointHealth.Operational) }, new[] { C(ComponentHealth.Up), C(monitor) }));

        [Fact]
        public void A_monitor_without_heartbeats_says_nothing() =>
            Assert.Equal(OverallStatus.Operational, OverallStatusRule.Decide(new[] { E(EndpointHealth.Operational) }, new[] { C(ComponentHealth.Unknown) }));

        [Theory]
        [InlineData(EndpointHealth.Down)]
        [InlineData(EndpointHealth.Degraded)]
        public void One_endpoint_operational_and_another_not_is_degraded(EndpointHealth other) =>
            Assert.Equal(OverallStatus.Degraded, OverallStatusRule.Decide(new[] { E(EndpointHealth.Operational), E(other) }, new[] { C(ComponentHealth.Up) }));

        [Fact]
        public void No_endpoint_operational_is_an_outage_whatever_the_status_page_says() =>
            Assert.Equal(OverallStatus.Outage, OverallStatusRule.Decide(new[] { E(EndpointHealth.Down), E(EndpointHealth.Degraded) }, new[] { C(ComponentHealth.Up) }));

        [Fact]
        public void Nothing_checked_is_unknown()
        {
            Assert.Equal(OverallStatus.Unknown, OverallStatusRule.Decide(new EndpointStatus[0], new[] { C(ComponentHealth.Down) }));
            Assert.Equal(OverallStatus.Unknown, OverallStatusRule.Decide(new[] { E(EndpointHealth.Unknown) }, new ComponentStatus[0]));
        }
    }
}

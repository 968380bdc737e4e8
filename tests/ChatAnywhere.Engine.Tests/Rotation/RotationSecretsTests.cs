using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Management;
using ChatAnywhere.Engine.Rotation;
using ChatAnywhere.Engine.Tests.Support;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Rotation
{
    /// <summary>-Verbose and -Debug output and error messages of a rotation never show the access token or a whole key.</summary>
    public sealed class RotationSecretsTests
    {
        private const string OtherStored = "Othr1111111111111111111111111111111111111111othr";

        public static TheoryData<RelayFlavour> Flavours => new() { RelayFlavour.OneApi, RelayFlavour.NewApi2025, RelayFlavour.NewApiCurrent };

        [Theory]
        [MemberData(nameof(Flavours))]
        public async Task No_log_line_of_a_rotation_holds_the_access_token_or_a_key_with_its_prefix(RelayFlavour flavour)
        {
            var harness = Registered(flavour);

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.Auto);

            Assert.NotEmpty(harness.Log.Lines);
            AssertNoneHolds(harness.Log.Lines, FakeRelay.AccessToken, RotationHarness.OldKey, outcome.NewKey);
            Assert.DoesNotContain(outcome.NewKey, outcome.ToString(), StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Flavours))]
        public async Task No_log_line_of_a_rotation_holds_a_key_in_the_form_the_relay_stores_it(RelayFlavour flavour)
        {
            var harness = Registered(flavour);

            var outcome = await harness.RotateAsync(RotationHarness.ByOldKey(), RelayBackend.Auto);

            AssertNoneHolds(harness.Log.Lines, RotationHarness.OldStored, outcome.NewKey.Substring(3), OtherStored);
        }

        [Fact]
        public async Task A_failed_verification_names_the_new_key_only_masked()
        {
            var harness = Registered(RelayFlavour.NewApiCurrent);
            harness.Relay.RefuseNewKeys();

            var error = await Assert.ThrowsAsync<KeyRotationException>(() => harness.RotateAsync(TokenSelector.ById(harness.OldId), RelayBackend.NewApi));

            var newStored = "New0003" + new string('k', 41);
            Assert.Contains("sk-****kkkk", error.Message, StringComparison.Ordinal);
            AssertNoneHolds(new[] { error.Message, error.Advice, error.Verification!.ToString()! }, newStored, FakeRelay.AccessToken);
        }

        [Fact]
        public async Task A_refused_access_token_is_not_repeated_in_the_error()
        {
            var harness = Registered(RelayFlavour.OneApi);
            var wrong = "ffffffffffffffffffffffffffffffff";
            harness.Redactor.Register(wrong);

            var error = await Assert.ThrowsAsync<RelayManagementException>(
                () => harness.Drive(harness.Rotator().PlanAsync(harness.Request(TokenSelector.ById(harness.OldId), RelayBackend.OneApi, wrong), harness.Progress, default)));

            AssertNoneHolds(new[] { error.Message, error.Advice }.Concat(harness.Log.Lines), wrong);
        }

        // As Reset-ApiKey does: the access token and the key as typed are secrets from the start.
        private static RotationHarness Registered(RelayFlavour flavour)
        {
            var harness = new RotationHarness(flavour);
            harness.Redactor.Register(FakeRelay.AccessToken);
            harness.Redactor.Register(RotationHarness.OldKey);
            return harness;
        }

        private static void AssertNoneHolds(IEnumerable<string> lines, params string[] secrets)
        {
            foreach (var line in lines)
            {
                foreach (var secret in secrets)
                {
                    Assert.False(line.Contains(secret, StringComparison.Ordinal), $"A secret ending {secret[^4..]} shows in: {line}");
                }
            }
        }
    }
}

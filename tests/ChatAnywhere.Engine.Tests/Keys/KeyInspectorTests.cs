using ChatAnywhere.Engine.Keys;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Keys
{
    public sealed class KeyInspectorTests
    {
        private const string RelayKey = "sk-EmuValidPaid000000000000000000000000000000000001";

        [Theory]
        [InlineData(RelayKey + "\n", "a trailing line break")]
        [InlineData(RelayKey + "\r\n", "a trailing line break")]
        [InlineData("  " + RelayKey, "leading whitespace")]
        [InlineData("\"" + RelayKey + "\"", "surrounding quotes")]
        [InlineData("'" + RelayKey + "'", "surrounding quotes")]
        [InlineData("\u201C" + RelayKey + "\u201D", "surrounding quotes")]
        [InlineData("Bearer " + RelayKey, "a 'Bearer ' prefix")]
        [InlineData("bearer " + RelayKey, "a 'Bearer ' prefix")]
        [InlineData(RelayKey + "\u00A0", "trailing whitespace")]
        public void Surroundings_are_removed_and_named(string pasted, string expectedNote)
        {
            var inspection = KeyInspector.Inspect(pasted);

            Assert.Equal(RelayKey, inspection.CleanedKey);
            Assert.True(inspection.WasCleaned);
            Assert.Contains(expectedNote, inspection.Removed);
            Assert.False(inspection.IsMalformed);
            Assert.Equal(KeyShape.Relay, inspection.Shape);
        }

        [Fact]
        public void Layers_of_surroundings_are_all_removed()
        {
            var inspection = KeyInspector.Inspect("  \"Bearer " + RelayKey + "\"\r\n");

            Assert.Equal(RelayKey, inspection.CleanedKey);
            Assert.Equal(new[] { "leading whitespace", "a trailing line break", "surrounding quotes", "a 'Bearer ' prefix" }, inspection.Removed);
        }

        [Fact]
        public void A_clean_key_is_left_alone()
        {
            var inspection = KeyInspector.Inspect(RelayKey);

            Assert.False(inspection.WasCleaned);
            Assert.Same(RelayKey, inspection.CleanedKey);
        }

        [Theory]
        [InlineData("sk-EmuValid Paid00000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasInnerWhitespace)]
        [InlineData("sk-EmuValid\tPaid0000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasInnerWhitespace)]
        [InlineData("sk-EmuValid\nPaid0000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasInnerWhitespace)]
        [InlineData("sk-EmuValid\u0007Paid000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasControlCharacter)]
        [InlineData("sk-EmuValid\u200BPaid000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasInvisibleCharacter)]
        [InlineData("sk-EmuValid\uFEFFPaid000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasInvisibleCharacter)]
        [InlineData("sk-EmuValid\u200DPaid000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasInvisibleCharacter)]
        [InlineData("\uFF53\uFF4B-EmuValidPaid000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasFullWidthCharacter)]
        [InlineData("sk-EmuValidPäid00000000000000000000000000000000001", ChatAnywhere.VerdictReason.KeyHasNonAsciiCharacter)]
        [InlineData("sk-****0001", ChatAnywhere.VerdictReason.MaskedCopy)]
        [InlineData("abcd**********wxyz", ChatAnywhere.VerdictReason.MaskedCopy)]
        [InlineData("  sk-****0001\n", ChatAnywhere.VerdictReason.MaskedCopy)]
        public void Keys_that_cannot_be_keys_are_malformed(string key, ChatAnywhere.VerdictReason expected)
        {
            var inspection = KeyInspector.Inspect(key);

            Assert.True(inspection.IsMalformed);
            Assert.Equal(expected, inspection.Problem);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\r\n")]
        [InlineData("\"\"")]
        [InlineData("Bearer ")]
        [InlineData(null)]
        public void Nothing_left_is_empty(string? key)
        {
            Assert.True(KeyInspector.Inspect(key).IsEmpty);
        }

        [Theory]
        [InlineData(RelayKey, KeyShape.Relay)]
        [InlineData("sk-abcdefghijklmnopT3BlbkFJabcdefghijklmnopqrstuvwx", KeyShape.OpenAILegacy)]
        [InlineData("sk-proj-abc_DEF-123", KeyShape.OpenAIProject)]
        [InlineData("sk-svcacct-abc_DEF-123", KeyShape.OpenAIServiceAccount)]
        [InlineData("sk-admin-abc", KeyShape.OpenAIAdmin)]
        [InlineData("sk-short", KeyShape.Other)]
        [InlineData("EmuValidPaid000000000000000000000000000000000001", KeyShape.Other)]
        public void Shapes_are_told_apart(string key, KeyShape expected)
        {
            Assert.Equal(expected, KeyInspector.Inspect(key).Shape);
        }
    }
}

using ChatAnywhere.Engine.Keys;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Keys
{
    public sealed class KeyMaskTests
    {
        private const string Key = "sk-EmuValidPaid000000000000000000000000000000000001";

        [Fact]
        public void Mask_keeps_the_first_three_and_last_four_characters()
        {
            Assert.Equal("sk-****0001", KeyMask.Mask(Key));
        }

        [Theory]
        [InlineData("sk-short")]
        [InlineData("abc")]
        public void Short_secrets_are_hidden_whole(string secret)
        {
            Assert.Equal("****", KeyMask.Mask(secret));
        }

        [Fact]
        public void Fingerprint_is_sixteen_hex_digits_of_sha256_and_stable()
        {
            // SHA-256("abc") starts ba7816bf8f01cfea.
            Assert.Equal("ba7816bf8f01cfea", KeyMask.Fingerprint("abc"));
            Assert.Equal(KeyMask.Fingerprint(Key), KeyMask.Fingerprint(Key));
            Assert.NotEqual(KeyMask.Fingerprint(Key), KeyMask.Fingerprint(Key + "x"));
        }

        [Fact]
        public void Redactor_masks_registered_secrets_and_anything_key_shaped()
        {
            var redactor = new SecretRedactor();
            redactor.Register("0123456789abcdef0123456789abcdef");

            var text = redactor.Redact("token 0123456789abcdef0123456789abcdef and key " + Key + " end");

            Assert.DoesNotContain("0123456789abcdef0123456789abcdef", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain(Key, text, System.StringComparison.Ordinal);
            Assert.Contains("sk-****0001", text, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Redactor_leaves_the_services_own_masking_readable()
        {
            // OA-401-incorrect-key-ca-key-2023 echoes the key masked with asterisks.
            const string message = "Incorrect API key provided: sk-VKMIs***************************************wjh3.";

            Assert.Equal(message, new SecretRedactor().Redact(message));
        }
    }
}

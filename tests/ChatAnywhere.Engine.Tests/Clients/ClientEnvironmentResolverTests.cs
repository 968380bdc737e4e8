using System;
using System.Linq;
using ChatAnywhere.Engine.Clients;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Clients
{
    /// <summary>Which key and base URL each client would use, and the problems named (docs/client-environment.md).</summary>
    public sealed class ClientEnvironmentResolverTests
    {
        private const string RelayKey = "sk-EmuValidPaid000000000000000000000000000000000001";
        private const string OpenAIKey = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
        private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

        private static ClientSettings Settings(params (string Name, string Value, SettingScope Scope)[] values)
        {
            var settings = new ClientSettings();
            foreach (var (name, value, scope) in values)
            {
                settings.Add(new SettingSource(name, value, scope, scope == SettingScope.DotEnv ? "./.env line 3" : $"env:{name} ({scope})"));
            }

            return settings;
        }

        private static ApiKeyEnvironment For(string client, ClientSettings settings) =>
            ClientEnvironmentResolver.Resolve(settings, Now).Single(r => r.Client == client);

        [Fact]
        public void A_relay_key_without_a_base_URL_goes_to_OpenAI_for_every_client_but_this_module()
        {
            var results = ClientEnvironmentResolver.Resolve(Settings(("OPENAI_API_KEY", RelayKey, SettingScope.Process)), Now).ToList();

            Assert.Equal(ClientProfiles.All.Length, results.Count);
            Assert.All(results.Where(r => !r.Client.StartsWith("ChatAnywhere", StringComparison.Ordinal)), r =>
            {
                Assert.Equal("https://api.openai.com/v1", r.BaseUri);
                Assert.Contains(r.Problems, p => p.Code == "RelayKeySentToOpenAI");
            });
            var module = results.Single(r => r.Client.StartsWith("ChatAnywhere", StringComparison.Ordinal));
            Assert.Equal("https://api.chatanywhere.tech", module.BaseUri);
            Assert.DoesNotContain(module.Problems, p => p.Code == "RelayKeySentToOpenAI");
        }

        [Fact]
        public void OPENAI_BASE_URL_reaches_the_clients_that_read_it_and_is_ignored_by_the_others()
        {
            var settings = Settings(("OPENAI_API_KEY", RelayKey, SettingScope.Process), ("OPENAI_BASE_URL", "https://api.chatanywhere.tech/v1", SettingScope.Process));

            Assert.Empty(For("openai-python 1.3+", settings).Problems);
            Assert.Empty(For("openai-node", settings).Problems);
            var legacy = For("openai-python 0.x", settings);
            Assert.Equal(new[] { "RelayKeySentToOpenAI", "VariableIgnoredByClient" }, legacy.Problems.Select(p => p.Code));
            Assert.Contains("OPENAI_BASE_URL", legacy.Problems[1].Message, StringComparison.Ordinal);
            Assert.Contains(For("LlamaIndex", settings).Problems, p => p.Code == "RelayKeySentToOpenAI");
        }

        [Fact]
        public void A_base_URL_in_a_dotenv_file_without_v1_is_named_with_its_line_for_the_clients_that_need_v1()
        {
            var settings = Settings(("OPENAI_API_KEY", RelayKey, SettingScope.Process), ("OPENAI_BASE_URL", "https://api.chatanywhere.tech", SettingScope.DotEnv));

            var python = For("openai-python 1.3+", settings);
            var missing = Assert.Single(python.Problems, p => p.Code == "BaseUriMissingV1");
            Assert.Contains("./.env line 3", missing.Message, StringComparison.Ordinal);
            Assert.Equal("./.env line 3", python.BaseUriSource);
            Assert.DoesNotContain(For("ChatAnywhere (this module)", settings).Problems, p => p.Code == "BaseUriMissingV1");
        }

        [Fact]
        public void The_environment_wins_over_a_dotenv_file_and_the_disagreement_is_named()
        {
            var settings = Settings(("OPENAI_API_KEY", RelayKey, SettingScope.Process), ("OPENAI_API_KEY", OpenAIKey, SettingScope.DotEnv));

            var python = For("openai-python 1.3+", settings);

            Assert.Equal("env:OPENAI_API_KEY (Process)", python.KeySource);
            Assert.Contains(python.Problems, p => p.Code == "ScopesDisagree");
        }

        [Theory]
        [InlineData(" " + RelayKey + "\n", "KeyHasWhitespace")]
        [InlineData("\"" + RelayKey + "\"", "KeyQuoted")]
        public void A_key_copied_with_extra_characters_is_named_for_clients_that_send_it_as_it_is(string value, string code)
        {
            var settings = Settings(("OPENAI_API_KEY", value, SettingScope.Process), ("OPENAI_BASE_URL", "https://api.chatanywhere.tech/v1", SettingScope.Process));

            Assert.Contains(For("openai-python 1.3+", settings).Problems, p => p.Code == code);
        }

        [Fact]
        public void Openai_node_trims_white_space_itself()
        {
            var settings = Settings(("OPENAI_API_KEY", RelayKey + "\n", SettingScope.Process), ("OPENAI_BASE_URL", "https://api.chatanywhere.tech/v1", SettingScope.Process));

            Assert.DoesNotContain(For("openai-node", settings).Problems, p => p.Code == "KeyHasWhitespace");
        }

        [Theory]
        [InlineData("https://api.chatanywhere.tech/v1/v1", "BaseUriDoubleV1")]
        [InlineData("https://api.chatanywhere.tech/v1/chat/completions", "BaseUriDoubleV1")]
        [InlineData("http://relay.example.com/v1", "UnencryptedBaseUri")]
        public void Base_URLs_that_cannot_work_are_named(string baseUri, string code)
        {
            var settings = Settings(("OPENAI_API_KEY", RelayKey, SettingScope.Process), ("OPENAI_BASE_URL", baseUri, SettingScope.Process));

            Assert.Contains(For("openai-python 1.3+", settings).Problems, p => p.Code == code);
        }

        [Fact]
        public void An_OpenAI_key_sent_to_a_relay_is_named()
        {
            var settings = Settings(("OPENAI_API_KEY", OpenAIKey, SettingScope.Process), ("OPENAI_BASE_URL", "https://api.chatanywhere.tech/v1", SettingScope.Process));

            Assert.Contains(For("openai-node", settings).Problems, p => p.Code == "OpenAIKeyToRelay");
        }

        [Fact]
        public void PSOpenAI_reads_its_session_variables_before_the_environment()
        {
            var settings = Settings(("OPENAI_API_KEY", OpenAIKey, SettingScope.Process), ("OPENAI_API_KEY", RelayKey, SettingScope.Session), ("OPENAI_API_BASE", "https://api.chatanywhere.tech/v1", SettingScope.Session));

            var psopenai = For("PSOpenAI", settings);

            Assert.Equal(ApiKeyShape.Relay, psopenai.KeyShape);
            Assert.Equal("https://api.chatanywhere.tech/v1", psopenai.BaseUri);
            Assert.Equal(ApiKeyShape.OpenAI, For("openai-node", settings).KeyShape);
        }

        [Fact]
        public void No_key_anywhere_means_no_result_and_the_key_never_appears_in_full()
        {
            Assert.Empty(ClientEnvironmentResolver.Resolve(Settings(("OPENAI_BASE_URL", "https://api.chatanywhere.tech/v1", SettingScope.Process)), Now));

            var result = For("openai-node", Settings(("OPENAI_API_KEY", RelayKey, SettingScope.Process)));
            var shown = string.Join("|", result.Key, result.KeySource, result.BaseUri, result.ToString(), string.Join("|", result.Problems.Select(p => p.Message + p.Fix)));
            Assert.DoesNotContain(RelayKey.Substring(3, 40), shown, StringComparison.Ordinal);
            Assert.Equal(RelayKey.Length, result.ApiKey!.Length);
        }

        [Fact]
        public void Dotenv_files_are_read_as_the_loaders_do()
        {
            var text = "# keys\nexport OPENAI_API_KEY='sk-a b'\nOPENAI_BASE_URL=https://x.test/v1 # relay\nQUOTED=\"line\\nbreak\"\nnot a line\n=novalue\nEMPTY=\n";

            var values = DotEnvReader.Read(text).ToList();

            Assert.Equal(("OPENAI_API_KEY", "sk-a b", 2), values[0]);
            Assert.Equal(("OPENAI_BASE_URL", "https://x.test/v1", 3), values[1]);
            Assert.Equal(("QUOTED", "line\nbreak", 4), values[2]);
            Assert.Equal(("EMPTY", string.Empty, 7), values[3]);
            Assert.Equal(4, values.Count);
        }
    }
}

using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Models;
using Xunit;

namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>
    /// The official OpenAI .NET library against the emulator: for every personality, key class and operation,
    /// the client must see what the real service gives (the status, error type and code, a phrase of the
    /// message, all from the capture the case cites), or the served reply, whole or streamed.
    /// </summary>
    [Collection(EmulatorCollection.Name)]
    public sealed class OfficialClientConformanceTests(EmulatorProcess emulator)
    {
        public static TheoryData<string> Cases => [.. ConformanceCases.ByName.Keys];

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task The_official_client_sees_what_the_real_service_gives(string name)
        {
            ConformanceCase @case = ConformanceCases.ByName[name];
            Expected expected = @case.Expected;
            if (expected.Served)
            {
                string served = await RunAsync(@case);
                Assert.Equal(@case.Operation == Operation.List ? "gpt-4o-mini" : ConformanceCases.ReplyText, served);
                return;
            }

            ClientResultException refusal = await Assert.ThrowsAsync<ClientResultException>(() => RunAsync(@case));
            Assert.Equal(expected.Status, refusal.Status);
            // The client writes "HTTP <status> (<type>: <code>)" when the body is OpenAI's error shape, else a generic line.
            string head = expected.Type is null
                ? "Service request failed."
                : $"HTTP {expected.Status} ({expected.Type}: {expected.Code})";
            Assert.StartsWith(head, refusal.Message, StringComparison.Ordinal);
            if (expected.Phrase is not null)
            {
                Assert.Contains(expected.Phrase, refusal.Message, StringComparison.Ordinal);
            }
        }

        /// <summary>The served result as one string: the listed model asked for, or the reply text.</summary>
        private async Task<string> RunAsync(ConformanceCase @case)
        {
            var credential = new ApiKeyCredential(@case.Key);
            OpenAIClientOptions options = emulator.ClientOptions(@case.PathToV1);
            switch (@case.Operation)
            {
                case Operation.List:
                    ClientResult<OpenAIModelCollection> models = await new OpenAIModelClient(credential, options).GetModelsAsync();
                    return models.Value.Select(model => model.Id).Single(id => id == "gpt-4o-mini");
                case Operation.Chat:
                    ClientResult<ChatCompletion> completion = await new ChatClient(@case.Model, credential, options).CompleteChatAsync([new UserChatMessage("Say hello.")]);
                    return completion.Value.Content[0].Text;
                default:
                    var text = new StringBuilder();
                    await foreach (StreamingChatCompletionUpdate update in new ChatClient(@case.Model, credential, options).CompleteChatStreamingAsync([new UserChatMessage("Say hello.")]))
                    {
                        foreach (ChatMessageContentPart part in update.ContentUpdate)
                        {
                            text.Append(part.Text);
                        }
                    }

                    return text.ToString();
            }
        }

    }
}

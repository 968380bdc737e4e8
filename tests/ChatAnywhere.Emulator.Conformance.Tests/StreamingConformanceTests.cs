using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Models;
using Xunit;

namespace ChatAnywhere.Emulator.Conformance.Tests
{
    /// <summary>
    /// Streams, request ids and the stream misbehaviours a scenario can ask for, seen by the official client
    /// and on the wire (docs/reference/streaming.md).
    /// </summary>
    [Collection(EmulatorCollection.Name)]
    public sealed partial class StreamingConformanceTests(EmulatorProcess emulator)
    {
        private const string PaidKey = "sk-ConfPaid0000000000000000000000000000000000000001";
        private const string OkFrameKey = "sk-ConfOkFrame0000000000000000000000000000000000006";
        private const string CutKey = "sk-ConfCut00000000000000000000000000000000000000007";
        private const string TrickleKey = "sk-ConfTrickle000000000000000000000000000000000011";
        private const string OpenAIKey = "sk-proj-ConfOpenAI00000000000000000000000000000000000008";

        [Fact]
        public async Task A_stream_ends_with_a_usage_chunk_the_client_reads()
        {
            StreamingChatCompletionUpdate[] updates = await StreamAsync("openai/v1", OpenAIKey);
            ChatTokenUsage? usage = updates.Select(update => update.Usage).LastOrDefault(usage => usage is not null);
            Assert.NotNull(usage);
            Assert.True(usage.OutputTokenCount > 0);
            Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
            Assert.Equal(ChatFinishReason.Stop, updates.Select(update => update.FinishReason).Last(reason => reason is not null));
        }

        [Fact]
        public async Task ChatAnywheres_200_OK_frame_passes_through_the_dotnet_client_with_the_whole_reply()
        {
            // CA-stream-200-ok-error-frame: the frame is not an error. The .NET client reads it as an update with
            // nothing in it; openai-node throws on any frame with an "error" field (docs/reference/streaming.md §2).
            StreamingChatCompletionUpdate[] updates = await StreamAsync("v1", OkFrameKey);
            Assert.Equal(ConformanceCases.ReplyText, Text(updates));

            string wire = await RawStreamAsync("v1/chat/completions", OkFrameKey);
            Assert.Contains("data: {\"error\":{\"message\":\"\",\"type\":\"chatanywhere_error\",\"param\":null,\"code\":\"200 OK\"}}\n\n", wire, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_stream_cut_mid_way_fails_in_the_client_after_part_of_the_reply()
        {
            var received = new StringBuilder();
            Exception failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await foreach (StreamingChatCompletionUpdate update in Chat("v1", CutKey).CompleteChatStreamingAsync([new UserChatMessage("Say hello.")]))
                {
                    received.Append(string.Concat(update.ContentUpdate.Select(part => part.Text)));
                }
            });

            // The connection drops: an I/O failure, not a service answer. The client reports it as an I/O
            // exception while reading, or (had the drop come before the headers) as a ClientResultException
            // without a status wrapping the transport failure.
            Assert.True(IsTransportFailure(failure), failure.ToString());
            Assert.True(received.Length < ConformanceCases.ReplyText.Length);
            Assert.StartsWith(received.ToString(), ConformanceCases.ReplyText, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_trickling_stream_takes_at_least_its_delays_and_still_delivers_the_reply()
        {
            var clock = Stopwatch.StartNew();
            StreamingChatCompletionUpdate[] updates = await StreamAsync("v1", TrickleKey);
            clock.Stop();
            Assert.Equal(ConformanceCases.ReplyText, Text(updates));
            // A lower bound only: the emulator waits 200 ms before each frame after the first (8 frames and more here).
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(7 * 200), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task The_wire_format_is_server_sent_events_ending_in_DONE()
        {
            string openAI = await RawStreamAsync("openai/v1/chat/completions", OpenAIKey, includeUsage: true);
            string[] frames = Frames(openAI);
            Assert.Equal("[DONE]", frames[^1]);
            JsonElement[] chunks = [.. frames[..^1].Select(frame => JsonDocument.Parse(frame).RootElement)];
            Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.GetProperty("object").GetString()));
            Assert.Single(chunks.Select(chunk => chunk.GetProperty("id").GetString()).Distinct());
            // With include_usage every chunk has "usage": null but the last, whose choices are empty.
            Assert.All(chunks[..^1], chunk => Assert.Equal(JsonValueKind.Null, chunk.GetProperty("usage").ValueKind));
            Assert.Equal(0, chunks[^1].GetProperty("choices").GetArrayLength());
            Assert.True(chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
            Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());

            // ChatAnywhere opens with a chunk of empty choices, keys in the captured order (CA-200-stream-empty-choices).
            string chatAnywhere = await RawStreamAsync("v1/chat/completions", PaidKey);
            using JsonDocument first = JsonDocument.Parse(Frames(chatAnywhere)[0]);
            Assert.Equal(["id", "choices", "created", "model", "object", "system_fingerprint"], first.RootElement.EnumerateObject().Select(property => property.Name));
            Assert.Equal(0, first.RootElement.GetProperty("choices").GetArrayLength());
        }

        [Fact]
        public async Task Every_OpenAI_answer_carries_its_own_request_id_served_or_refused()
        {
            var ids = new List<string>();
            OpenAIClientOptions options = emulator.ClientOptions("openai/v1");
            ClientResult<OpenAIModelCollection> models = await new OpenAIModelClient(new ApiKeyCredential(OpenAIKey), options).GetModelsAsync();
            ids.Add(RequestId(models.GetRawResponse()));
            ClientResult<ChatCompletion> chat = await Chat("openai/v1", OpenAIKey).CompleteChatAsync([new UserChatMessage("Say hello.")]);
            ids.Add(RequestId(chat.GetRawResponse()));
            // OA-401-incorrect-key-measured was answered with a request id like every OpenAI answer.
            ClientResultException refusal = await Assert.ThrowsAsync<ClientResultException>(() => Chat("openai/v1", PaidKey).CompleteChatAsync([new UserChatMessage("Say hello.")]));
            ids.Add(RequestId(refusal.GetRawResponse()!));

            Assert.All(ids, id => Assert.Matches(OpenAIRequestId(), id));
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        private async Task<StreamingChatCompletionUpdate[]> StreamAsync(string pathToV1, string key)
        {
            var updates = new List<StreamingChatCompletionUpdate>();
            await foreach (StreamingChatCompletionUpdate update in Chat(pathToV1, key).CompleteChatStreamingAsync([new UserChatMessage("Say hello.")]))
            {
                updates.Add(update);
            }

            return [.. updates];
        }

        private ChatClient Chat(string pathToV1, string key) => new("gpt-4o-mini", new ApiKeyCredential(key), emulator.ClientOptions(pathToV1));


        private async Task<string> RawStreamAsync(string path, string key, bool includeUsage = false)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            string options = includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : string.Empty;
            request.Content = new StringContent($"{{\"model\":\"gpt-4o-mini\",\"stream\":true{options},\"messages\":[{{\"role\":\"user\",\"content\":\"Say hello.\"}}]}}", Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await client.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            string wire = await response.Content.ReadAsStringAsync();
            Assert.EndsWith("data: [DONE]\n\n", wire, StringComparison.Ordinal);
            return wire;
        }

        /// <summary>The data of each event, in order.</summary>
        private static string[] Frames(string wire) =>
            [.. wire.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(frame => frame.StartsWith("data: ", StringComparison.Ordinal) ? frame[6..] : frame)];

        private static bool IsTransportFailure(Exception failure) => failure switch
        {
            IOException or HttpRequestException => true,
            ClientResultException { Status: 0, InnerException: { } inner } => IsTransportFailure(inner),
            _ => false,
        };

        private static string Text(IEnumerable<StreamingChatCompletionUpdate> updates) =>
            string.Concat(updates.SelectMany(update => update.ContentUpdate).Select(part => part.Text));

        private static string RequestId(PipelineResponse response) => ResponseHeaders.Get(response, "x-request-id");

        [GeneratedRegex("^req_[0-9a-f]{32}$")]
        private static partial Regex OpenAIRequestId();
    }
}

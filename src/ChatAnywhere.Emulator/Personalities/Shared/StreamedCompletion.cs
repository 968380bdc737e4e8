using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Http;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.Shared
{
    /// <summary>
    /// A completion sent as server-sent events (docs/reference/streaming.md): a role chunk, a chunk per word,
    /// the finishing chunk, the usage chunk when asked for, then <c>data: [DONE]</c>. The key's
    /// <see cref="StreamBehaviour"/> can slow it, cut it or add ChatAnywhere's "200 OK" frame.
    /// </summary>
    public sealed class StreamedCompletion : IAnswer
    {
        private const string SystemFingerprint = "fp_emulator";
        private const int CutGraceMs = 250;
        private static readonly byte[] DataPrefix = "data: "u8.ToArray();
        private static readonly byte[] FrameEnd = "\n\n"u8.ToArray();
        private static readonly byte[] DoneFrame = "data: [DONE]\n\n"u8.ToArray();
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly DataPlaneRequest _request;
        private readonly CompletionReply _reply;
        private readonly bool _chat;
        private readonly bool _includeUsage;
        private readonly StreamDialect _dialect;
        private readonly StreamBehaviour _behaviour;
        private readonly byte[]? _okErrorFrame;

        /// <param name="okErrorFrame">ChatAnywhere's "200 OK" frame, sent when the key's behaviour asks for it.</param>
        public StreamedCompletion(DataPlaneRequest request, ChatRequestSummary summary, bool chat, StreamDialect dialect, byte[]? okErrorFrame = null)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(summary);
            _request = request;
            _reply = CompletionReply.For(summary, request.ReceivedAt, chat);
            _chat = chat;
            _includeUsage = summary.IncludeUsage;
            _dialect = dialect;
            _behaviour = request.Key?.Entry.Stream ?? new StreamBehaviour();
            _okErrorFrame = _behaviour.OkErrorFrame ? okErrorFrame : null;
        }

        public int Status => StatusCodes.Status200OK;

        public async Task WriteAsync(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            HttpResponse response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            int sent = 0;
            foreach (byte[] frame in Frames())
            {
                if (_behaviour.CutAfterChunks is int cut && sent >= cut)
                {
                    // Kestrel's abort drops output its socket loop has not sent yet, and nothing tells when that
                    // loop is done: a short grace lets what was sent reach the client before the connection drops.
                    await _request.DelayAsync(CutGraceMs).ConfigureAwait(false);
                    context.Abort();
                    return;
                }

                if (sent > 0 && _behaviour.ChunkDelayMs > 0)
                {
                    await _request.DelayAsync(_behaviour.ChunkDelayMs).ConfigureAwait(false);
                }

                await response.Body.WriteAsync(frame, context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                sent++;
            }

            await response.Body.WriteAsync(DoneFrame, context.RequestAborted).ConfigureAwait(false);
        }

        private IEnumerable<byte[]> Frames()
        {
            if (_dialect == StreamDialect.ChatAnywhere && _chat)
            {
                yield return Chunk(choice: null);
            }

            if (_chat)
            {
                yield return Chunk(writer => Choice(writer, role: true, content: string.Empty, finishReason: null));
            }

            string[] pieces = _reply.Pieces();
            for (int i = 0; i < pieces.Length; i++)
            {
                string piece = pieces[i];
                yield return Chunk(writer => Choice(writer, role: false, content: piece, finishReason: null));
                if (i == 0 && _okErrorFrame is not null)
                {
                    yield return Frame(_okErrorFrame);
                }
            }

            yield return Chunk(writer => Choice(writer, role: false, content: null, finishReason: _reply.FinishReason));
            if (_includeUsage)
            {
                yield return Chunk(choice: null, usageTotals: true);
            }
        }

        /// <summary>One chunk in the dialect's key order, with one choice or (null) none.</summary>
        private byte[] Chunk(Action<Utf8JsonWriter>? choice, bool usageTotals = false)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("id", _reply.Id);
                if (_dialect == StreamDialect.ChatAnywhere)
                {
                    // The captured chunk's order: id, choices, created, model, object, system_fingerprint.
                    WriteChoices(writer, choice);
                    writer.WriteNumber("created", _reply.Created);
                    writer.WriteString("model", _reply.Model);
                    writer.WriteString("object", ObjectName);
                    writer.WriteString("system_fingerprint", SystemFingerprint);
                }
                else
                {
                    writer.WriteString("object", ObjectName);
                    writer.WriteNumber("created", _reply.Created);
                    writer.WriteString("model", _reply.Model);
                    writer.WriteString("system_fingerprint", SystemFingerprint);
                    WriteChoices(writer, choice);
                }

                if (_includeUsage)
                {
                    // With include_usage every chunk carries "usage": null, the last one the totals.
                    WriteUsage(writer, usageTotals);
                }

                writer.WriteEndObject();
            }

            return Frame(buffer.WrittenSpan);
        }

        private string ObjectName => _chat ? "chat.completion.chunk" : "text_completion";

        private static void WriteChoices(Utf8JsonWriter writer, Action<Utf8JsonWriter>? choice)
        {
            writer.WriteStartArray("choices");
            choice?.Invoke(writer);
            writer.WriteEndArray();
        }

        private void Choice(Utf8JsonWriter writer, bool role, string? content, string? finishReason)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            if (_chat)
            {
                writer.WriteStartObject("delta");
                if (role)
                {
                    writer.WriteString("role", "assistant");
                }

                if (content is not null)
                {
                    writer.WriteString("content", content);
                }

                writer.WriteEndObject();
            }
            else
            {
                writer.WriteString("text", content ?? string.Empty);
            }

            writer.WriteNull("logprobs");
            if (finishReason is null)
            {
                writer.WriteNull("finish_reason");
            }
            else
            {
                writer.WriteString("finish_reason", finishReason);
            }

            writer.WriteEndObject();
        }

        private void WriteUsage(Utf8JsonWriter writer, bool totals)
        {
            if (!totals)
            {
                writer.WriteNull("usage");
                return;
            }

            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", _reply.PromptTokens);
            writer.WriteNumber("completion_tokens", _reply.CompletionTokens);
            writer.WriteNumber("total_tokens", _reply.TotalTokens);
            writer.WriteEndObject();
        }

        private static byte[] Frame(ReadOnlySpan<byte> json)
        {
            byte[] frame = new byte[DataPrefix.Length + json.Length + FrameEnd.Length];
            DataPrefix.CopyTo(frame, 0);
            json.CopyTo(frame.AsSpan(DataPrefix.Length));
            FrameEnd.CopyTo(frame, DataPrefix.Length + json.Length);
            return frame;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace ChatAnywhere.Emulator.Personalities.Shared
{
    /// <summary>
    /// The emulator's reply to a completion request, whole or streamed: its text, token counts and finish
    /// reason. max_tokens cuts the reply (4 characters a token) and makes finish_reason "length", as OpenAI does.
    /// </summary>
    /// <param name="Created">Unix seconds; every chunk of a stream carries the same value, as OpenAI's do.</param>
    public sealed record CompletionReply(string Id, string Model, string Text, long PromptTokens, int CompletionTokens, string FinishReason, long Created)
    {
        public const string DefaultModel = "gpt-3.5-turbo";

        private const string ReplyText = "Hello from the ChatAnywhere emulator.";

        private static long _sequence;

        /// <summary>The tokens of the whole reply, before any max_tokens cut.</summary>
        public static int FullReplyTokens => (ReplyText.Length + 3) / 4;

        public long TotalTokens => PromptTokens + CompletionTokens;

        public static CompletionReply For(ChatRequestSummary summary, DateTimeOffset now, bool chat)
        {
            ArgumentNullException.ThrowIfNull(summary);
            string text = ReplyText;
            int completionTokens = FullReplyTokens;
            string finishReason = "stop";
            if (summary.MaxTokens is int maxTokens && maxTokens < completionTokens)
            {
                completionTokens = Math.Max(maxTokens, 0);
                text = text[..Math.Min(text.Length, completionTokens * 4)];
                finishReason = "length";
            }

            long sequence = Interlocked.Increment(ref _sequence);
            string id = (chat ? "chatcmpl-emu" : "cmpl-emu") + sequence.ToString("D12", CultureInfo.InvariantCulture);
            return new CompletionReply(id, summary.Model ?? DefaultModel, text, Math.Max(summary.EstimatedPromptTokens, 1), completionTokens, finishReason, now.ToUnixTimeSeconds());
        }

        /// <summary>The text in the pieces a stream sends: a word (with its trailing space) each.</summary>
        public string[] Pieces()
        {
            var pieces = new List<string>();
            int start = 0;
            for (int i = 0; i < Text.Length; i++)
            {
                if (Text[i] == ' ')
                {
                    pieces.Add(Text[start..(i + 1)]);
                    start = i + 1;
                }
            }

            if (start < Text.Length)
            {
                pieces.Add(Text[start..]);
            }

            return [.. pieces];
        }
    }
}

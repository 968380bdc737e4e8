using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Http;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Http
{
    public sealed class BoundedBodyReaderTests
    {
        [Fact]
        public async Task A_huge_body_is_read_only_to_the_limit()
        {
            var huge = new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 10 * 1024 * 1024)));

            var (text, truncated) = await BoundedBodyReader.ReadAsync(huge, 64 * 1024, CancellationToken.None);

            Assert.True(truncated);
            Assert.Equal(64 * 1024, text.Length);
            Assert.True(huge.Position <= (64 * 1024) + (16 * 1024), "read far past the limit");
        }

        [Fact]
        public async Task A_small_body_is_read_whole()
        {
            var (text, truncated) = await BoundedBodyReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("{}")), 1024, CancellationToken.None);

            Assert.False(truncated);
            Assert.Equal("{}", text);
        }

        [Fact]
        public void Chinese_text_is_decoded_as_utf8_and_a_bom_dropped()
        {
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("免费API限制每日200次请求"));

            Assert.Equal("免费API限制每日200次请求", BoundedBodyReader.Decode(bytes, bytes.Length));
        }

        [Fact]
        public void A_character_cut_at_the_limit_does_not_throw()
        {
            var bytes = Encoding.UTF8.GetBytes("错误");

            var text = BoundedBodyReader.Decode(bytes, 4);

            Assert.StartsWith("错", text, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Envelope_reader_handles_html_text_truncated_and_pretty_json()
        {
            Assert.Equal("bypass.duti.tech | 502: Bad gateway", ErrorEnvelopeReader.Read("<title>bypass.duti.tech | 502: Bad gateway</title>", isHtml: true).Message);
            Assert.Equal("wrong api key", ErrorEnvelopeReader.Read("wrong api key\n", isHtml: false).Message);

            var cut = ErrorEnvelopeReader.Read("{\"error\":{\"message\":\"模型无返回结果\",\"type\":\"chatanywhere_error\",\"par", isHtml: false);
            Assert.Equal("模型无返回结果", cut.Message);
            Assert.Equal("chatanywhere_error", cut.Type);
            Assert.False(cut.IsJson);

            var pretty = ErrorEnvelopeReader.Read("{\n  \"error\": {\n    \"message\": \"Invalid URL (POST /v1/chat/completions)\",\n    \"code\": null\n  }\n}", isHtml: false);
            Assert.True(pretty.IsJson);
            Assert.Equal("Invalid URL (POST /v1/chat/completions)", pretty.Message);
        }
    }

    internal static class ByteArrayExtensions
    {
        public static byte[] Concat(this byte[] first, byte[] second)
        {
            var result = new byte[first.Length + second.Length];
            first.CopyTo(result, 0);
            second.CopyTo(result, first.Length);
            return result;
        }
    }
}

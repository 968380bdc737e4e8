using System;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>
    /// A captured body with one sample value (a masked key, a method and path) that is replaced by
    /// the request's own value, so the rest of the body stays byte-for-byte the capture.
    /// </summary>
    public sealed class FixtureTemplate
    {
        private readonly byte[] _before;
        private readonly byte[] _after;
        private readonly bool _isJson;

        public FixtureTemplate(string fixtureId, int status, string contentType, string wireBody, string sample)
        {
            ArgumentNullException.ThrowIfNull(wireBody);
            ArgumentException.ThrowIfNullOrEmpty(sample);
            ArgumentNullException.ThrowIfNull(contentType);
            int at = wireBody.IndexOf(sample, StringComparison.Ordinal);
            if (at < 0 || wireBody.IndexOf(sample, at + sample.Length, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"Fixture '{fixtureId}' must contain '{sample}' exactly once.");
            }

            Status = status;
            ContentType = contentType;
            _isJson = contentType.StartsWith("application/json", StringComparison.Ordinal);
            _before = Encoding.UTF8.GetBytes(wireBody[..at]);
            _after = Encoding.UTF8.GetBytes(wireBody[(at + sample.Length)..]);
        }

        public int Status { get; }

        public string ContentType { get; }

        public CannedAnswer Fill(string value)
        {
            // Inside JSON the value must be escaped: a key can hold quotes or backslashes.
            string text = _isJson ? JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value : value;
            byte[] middle = Encoding.UTF8.GetBytes(text);
            byte[] body = new byte[_before.Length + middle.Length + _after.Length];
            _before.CopyTo(body, 0);
            middle.CopyTo(body, _before.Length);
            _after.CopyTo(body, _before.Length + middle.Length);
            return new CannedAnswer(Status, ContentType, body);
        }
    }
}

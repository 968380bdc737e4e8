using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Fixtures
{
    /// <summary>A ready-to-send answer: status, content type, headers and body bytes, built once and reused.</summary>
    public sealed class CannedAnswer : IAnswer
    {
        private readonly byte[] _body;

        public CannedAnswer(int status, string contentType, byte[] body)
            : this(status, contentType, body, [])
        {
        }

        /// <param name="headers">Sent as given, besides Content-Type and Content-Length (a replayed corpus row's headers).</param>
        public CannedAnswer(int status, string contentType, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            ArgumentNullException.ThrowIfNull(contentType);
            ArgumentNullException.ThrowIfNull(body);
            ArgumentNullException.ThrowIfNull(headers);
            Status = status;
            ContentType = contentType;
            _body = body;
            Headers = headers;
        }

        public int Status { get; }

        /// <summary>Empty when the answer has no body (and so no Content-Type).</summary>
        public string ContentType { get; }

        public ReadOnlyMemory<byte> Body => _body;

        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public static CannedAnswer Empty(int status) => new(status, string.Empty, []);

        public static CannedAnswer Json(int status, string json) => new(status, "application/json", Encoding.UTF8.GetBytes(json));

        public CannedAnswer WithStatus(int status) => status == Status ? this : new CannedAnswer(status, ContentType, _body, Headers);

        public async Task WriteAsync(HttpContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            HttpResponse response = context.Response;
            response.StatusCode = Status;
            foreach (KeyValuePair<string, string> header in Headers)
            {
                response.Headers[header.Key] = header.Value;
            }

            if (ContentType.Length > 0)
            {
                response.ContentType = ContentType;
            }

            response.ContentLength = _body.Length;
            if (_body.Length > 0)
            {
                await response.Body.WriteAsync(_body, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}

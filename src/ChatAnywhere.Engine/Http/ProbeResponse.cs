using System;
using System.Collections.Generic;

namespace ChatAnywhere.Engine.Http
{
    /// <summary>One HTTP answer as the classifier sees it: status, the headers that matter, a bounded body.</summary>
    public sealed class ProbeResponse
    {
        /// <summary>Creates a response; <paramref name="headers"/> names are matched case-insensitively.</summary>
        public ProbeResponse(int statusCode, string body, IDictionary<string, string>? headers = null, string? contentType = null, bool bodyTruncated = false)
        {
            StatusCode = statusCode;
            Body = body ?? string.Empty;
            Headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            ContentType = contentType;
            BodyTruncated = bodyTruncated;
        }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; }

        /// <summary>The body decoded as UTF-8, at most <see cref="BoundedBodyReader.DefaultLimit"/> bytes of it.</summary>
        public string Body { get; }

        /// <summary>True when the body was longer than was read.</summary>
        public bool BodyTruncated { get; }

        /// <summary>The media type, without parameters, if sent.</summary>
        public string? ContentType { get; }

        /// <summary>Response and content headers (first value of each).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>A header's value, or null.</summary>
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}

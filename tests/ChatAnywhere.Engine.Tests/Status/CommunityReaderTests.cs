using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Status;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Status
{
    /// <summary>Reading the service's GitHub issues for "is it only me?" (a fake GitHub, no network).</summary>
    public sealed class CommunityReaderTests
    {
        private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        private static readonly Uri Repository = new("https://api.github.com/repos/chatanywhere/GPT_API_free");

        [Fact]
        public async Task Failure_reports_of_the_window_are_picked_and_pull_requests_and_old_issues_left_out()
        {
            var github = new FakeGitHub(HttpStatusCode.OK, """
                [
                  {"number":10,"title":"401 invalid key since today","body":"","created_at":"2026-12-01T10:00:00Z","html_url":"https://github.com/x/y/issues/10"},
                  {"number":11,"title":"求助","body":"接口超时，用不了","created_at":"2026-12-01T11:00:00Z","html_url":"https://github.com/x/y/issues/11"},
                  {"number":12,"title":"Feature request: more models","body":"please","created_at":"2026-12-01T09:00:00Z","html_url":"https://github.com/x/y/issues/12"},
                  {"number":13,"title":"Fix 503 wording","created_at":"2026-12-01T11:30:00Z","pull_request":{"url":"u"}},
                  {"number":9,"title":"down again (502)","created_at":"2026-11-29T11:00:00Z","html_url":"https://github.com/x/y/issues/9"}
                ]
                """);

            var report = await new CommunityReader(github.Client(), TimeSpan.FromSeconds(5)).ReadAsync(Repository, TimeSpan.FromHours(24), null, Now, CancellationToken.None);

            Assert.Equal(CommunityStatus.Read, report.Status);
            Assert.Equal(new[] { 11, 10, 12 }, Array.ConvertAll(report.Recent, i => i.Number));
            Assert.Equal(new[] { 11, 10 }, Array.ConvertAll(report.Reports, i => i.Number));
            Assert.Contains("since=2026-11-30T12%3A00%3A00Z", github.LastUri!.Query, StringComparison.Ordinal);
            Assert.Equal("2 users reported failures in the last 24 h: not only you (#11, #10).", CommunityReader.Summarize(report));
        }

        [Fact]
        public async Task The_token_goes_to_api_github_com_over_https_only()
        {
            var github = new FakeGitHub(HttpStatusCode.OK, "[]");
            var reader = new CommunityReader(github.Client(), TimeSpan.FromSeconds(5));

            await reader.ReadAsync(Repository, TimeSpan.FromHours(1), "ghp_secret", Now, CancellationToken.None);
            Assert.Equal("Bearer ghp_secret", github.LastAuthorization);
            Assert.Equal("ChatAnywhere.PowerShell", github.LastUserAgent);

            await reader.ReadAsync(new Uri("https://mirror.example.test/repos/x/y"), TimeSpan.FromHours(1), "ghp_secret", Now, CancellationToken.None);
            Assert.Null(github.LastAuthorization);
        }

        [Theory]
        [InlineData(HttpStatusCode.Forbidden, "0", CommunityStatus.RateLimited)]
        [InlineData((HttpStatusCode)429, null, CommunityStatus.RateLimited)]
        [InlineData(HttpStatusCode.NotFound, null, CommunityStatus.Unavailable)]
        [InlineData(HttpStatusCode.OK, null, CommunityStatus.Unavailable)]
        public async Task A_tracker_that_cannot_be_read_is_a_status_not_an_exception(HttpStatusCode status, string? remaining, CommunityStatus expected)
        {
            var github = new FakeGitHub(status, status == HttpStatusCode.OK ? "<html>not json</html>" : "{\"message\":\"API rate limit exceeded\"}", remaining);

            var report = await new CommunityReader(github.Client(), TimeSpan.FromSeconds(5)).ReadAsync(Repository, TimeSpan.FromHours(24), null, Now, CancellationToken.None);

            Assert.Equal(expected, report.Status);
            Assert.NotNull(report.Problem);
            Assert.Null(CommunityReader.Summarize(report));
        }

        private sealed class FakeGitHub : HttpMessageHandler
        {
            private readonly HttpStatusCode _status;
            private readonly string _body;
            private readonly string? _remaining;

            public FakeGitHub(HttpStatusCode status, string body, string? remaining = null)
            {
                _status = status;
                _body = body;
                _remaining = remaining;
            }

            public Uri? LastUri { get; private set; }

            public string? LastAuthorization { get; private set; }

            public string? LastUserAgent { get; private set; }

            public HttpClient Client() => new(this);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                LastUri = request.RequestUri;
                LastAuthorization = request.Headers.Authorization?.ToString();
                LastUserAgent = request.Headers.UserAgent.ToString();
                var response = new HttpResponseMessage(_status) { Content = new StringContent(_body, Encoding.UTF8, "application/json") };
                if (_remaining is not null)
                {
                    response.Headers.Add("x-ratelimit-remaining", _remaining);
                }

                return Task.FromResult(response);
            }
        }
    }
}

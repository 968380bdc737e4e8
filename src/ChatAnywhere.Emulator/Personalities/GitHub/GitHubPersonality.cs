using System;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ChatAnywhere.Emulator.DataPlane;
using ChatAnywhere.Emulator.Fixtures;
using ChatAnywhere.Emulator.Scenarios;
using Microsoft.AspNetCore.Http;

namespace ChatAnywhere.Emulator.Personalities.GitHub
{
    /// <summary>
    /// GitHub's REST route for a repository's issues, from the scenario's "community" section
    /// (EMU-GH-issues: the fields Get-ServiceStatus reads, in the shape of GitHub's "List repository issues"
    /// answer: number, title, body, html_url, created_at, updated_at, and pull_request for pull requests).
    /// </summary>
    public sealed class GitHubPersonality : IPersonality
    {
        private const string IssuesSuffix = "/issues";

        private static readonly CannedAnswer NotFound = CannedAnswer.Json(StatusCodes.Status404NotFound, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""");

        private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public string Name => "github";

        public PathString Prefix { get; } = new("/github");

        public Task AnswerAsync(DataPlaneRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            CommunityDefinition? community = request.Scenario.Definition.Community;
            string path = request.PathWithin.Value ?? "/";
            string expected = "/repos/" + (community?.Repository ?? string.Empty) + IssuesSuffix;
            if (community is null || !HttpMethods.IsGet(request.Method) || !string.Equals(path, expected, StringComparison.OrdinalIgnoreCase))
            {
                return NotFound.WriteAsync(request.Context);
            }

            DateTimeOffset since = DateTimeOffset.TryParse(request.Context.Request.Query["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : DateTimeOffset.MinValue;
            var issues = new JsonArray();
            foreach (CommunityIssue issue in community.Issues.OrderBy(i => i.MinutesAgo))
            {
                DateTimeOffset created = request.ReceivedAt.AddMinutes(-issue.MinutesAgo);
                if (created < since)
                {
                    continue;
                }

                string html = $"https://github.com/{community.Repository}/{(issue.PullRequest ? "pull" : "issues")}/{issue.Number}";
                var item = new JsonObject
                {
                    ["url"] = $"https://api.github.com/repos/{community.Repository}/issues/{issue.Number}",
                    ["html_url"] = html,
                    ["number"] = issue.Number,
                    ["title"] = issue.Title,
                    ["state"] = "open",
                    ["created_at"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["updated_at"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["body"] = issue.Body,
                };
                if (issue.PullRequest)
                {
                    item["pull_request"] = new JsonObject { ["html_url"] = html };
                }

                issues.Add(item);
            }

            // Raw UTF-8, as GitHub sends it: users write their reports in Chinese.
            return CannedAnswer.Json(StatusCodes.Status200OK, issues.ToJsonString(Raw)).WriteAsync(request.Context);
        }
    }
}

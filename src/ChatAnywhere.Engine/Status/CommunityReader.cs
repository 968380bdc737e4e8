using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ChatAnywhere.Engine.Diagnosis;
using ChatAnywhere.Engine.Json;
using ChatAnywhere.Engine.Logging;

namespace ChatAnywhere.Engine.Status
{
    /// <summary>
    /// "Is it only me?": reads the service's GitHub issues of the last hours and picks those that speak of
    /// a failure. ChatAnywhere's users report outages and key problems on chatanywhere/GPT_API_free within
    /// minutes (docs/reference/chatanywhere.md). A failure here never fails the status check.
    /// </summary>
    internal sealed class CommunityReader
    {
        public const string DefaultRepository = "https://api.github.com/repos/chatanywhere/GPT_API_free";

        private const int BodyLimit = 1024 * 1024;

        // What users write when something fails: statuses, English words and the Chinese ones seen in the tracker.
        private static readonly Regex FailureWords = new Regex(
            @"\b(401|403|429|5\d\d)\b|invalid|incorrect api key|wrong api key|time ?out|timed out|\bdown\b|not working|doesn't work|does not work|unavailable|\berror|failed|" +
            "无效|错误|用不了|不能用|挂了|超时|无法|报错|失败|异常|不可用",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private readonly HttpClient _client;
        private readonly TimeSpan _timeout;
        private readonly IProbeLog _log;

        public CommunityReader(HttpClient client, TimeSpan timeout, IProbeLog? log = null)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _timeout = timeout;
            _log = log ?? NullProbeLog.Instance;
        }

        /// <summary>
        /// Reads the issues of <paramref name="repository"/> (its API address, e.g. https://api.github.com/repos/owner/name)
        /// opened within <paramref name="window"/> before <paramref name="now"/>. <paramref name="token"/> is sent only
        /// to api.github.com over https: a token never goes to a host it was not made for.
        /// </summary>
        public async Task<CommunityReport> ReadAsync(Uri repository, TimeSpan window, string? token, DateTime now, CancellationToken cancellationToken)
        {
            if (repository is null)
            {
                throw new ArgumentNullException(nameof(repository));
            }

            var since = now - window;
            var uri = new Uri(repository.AbsoluteUri.TrimEnd('/') + "/issues?state=all&per_page=100&since=" +
                              Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
            var report = new CommunityReport { Source = repository.AbsoluteUri, WindowHours = (int)Math.Round(window.TotalHours) };
            var headers = new List<KeyValuePair<string, string>>
            {
                // GitHub refuses requests without a User-Agent; the version header pins the answer's shape.
                new KeyValuePair<string, string>("User-Agent", "ChatAnywhere.PowerShell"),
                new KeyValuePair<string, string>("Accept", "application/vnd.github+json"),
                new KeyValuePair<string, string>("X-GitHub-Api-Version", "2022-11-28"),
            };
            if (!string.IsNullOrEmpty(token) && string.Equals(repository.Host, "api.github.com", StringComparison.OrdinalIgnoreCase) && repository.Scheme == Uri.UriSchemeHttps)
            {
                headers.Add(new KeyValuePair<string, string>("Authorization", "Bearer " + token));
            }

            _log.Verbose($"Reading community reports from {repository.AbsoluteUri} (the last {report.WindowHours} h).");
            var answer = await AnonymousGet.SendAsync(_client, uri, _timeout, BodyLimit, cancellationToken, headers).ConfigureAwait(false);
            var response = answer.Response;
            if (response is null)
            {
                report.Status = CommunityStatus.Unavailable;
                report.Problem = $"No answer from {repository.Host}: {answer.Describe()}.";
                return report;
            }

            if (response.StatusCode == 429 || (response.StatusCode == 403 && response.Header("x-ratelimit-remaining") == "0"))
            {
                report.Status = CommunityStatus.RateLimited;
                report.Problem = $"{repository.Host} answered {response.StatusCode}: its rate limit for this address is used up (set $env:GITHUB_TOKEN for a higher one).";
                return report;
            }

            if (response.StatusCode != 200 || !JsonLite.TryParse(response.Body, out var root) || root is not List<object?> items)
            {
                report.Status = CommunityStatus.Unavailable;
                report.Problem = $"{repository.Host} answered {response.StatusCode} without a list of issues.";
                return report;
            }

            var recent = items.Select(Issue).Where(i => i.Issue is not null && i.Issue.CreatedAt >= since).OrderByDescending(i => i.Issue!.CreatedAt).ToArray();
            report.Status = CommunityStatus.Read;
            report.Recent = recent.Select(i => i.Issue!).ToArray();
            report.Reports = recent.Where(i => FailureWords.IsMatch(TextFolding.Fold(i.Issue!.Title + "\n" + i.Body))).Select(i => i.Issue!).ToArray();
            return report;
        }

        /// <summary>The line for ServiceStatus.Problems when two or more users reported failures; else null.</summary>
        public static string? Summarize(CommunityReport report) =>
            report is { Status: CommunityStatus.Read } && report.Reports.Length >= 2
                ? $"{report.Reports.Length} users reported failures in the last {report.WindowHours} h: not only you ({string.Join(", ", report.Reports.Take(5).Select(r => "#" + r.Number.ToString(CultureInfo.InvariantCulture)))})."
                : null;

        // Pull requests are listed among issues; they carry a pull_request member.
        private static (CommunityIssue? Issue, string? Body) Issue(object? item)
        {
            if (JsonLite.Member(item, "pull_request") is not null || !double.TryParse(JsonLite.Text(item, "number"), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ||
                !DateTime.TryParse(JsonLite.Text(item, "created_at"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created))
            {
                return (null, null);
            }

            var issue = new CommunityIssue
            {
                Number = (int)number,
                Title = JsonLite.Text(item, "title") ?? string.Empty,
                CreatedAt = DateTime.SpecifyKind(created, DateTimeKind.Utc),
                Url = JsonLite.Text(item, "html_url") ?? string.Empty,
            };
            return (issue, JsonLite.Text(item, "body"));
        }
    }
}

using System.Collections.Generic;

namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>
    /// The scenario's "community" section: the issues of a GitHub repository that Get-ServiceStatus reads
    /// for "is it only me?" (served at /github/repos/{owner}/{repo}/issues).
    /// </summary>
    public sealed record CommunityDefinition
    {
        /// <summary>owner/name, e.g. chatanywhere/GPT_API_free.</summary>
        public string Repository { get; set; } = "chatanywhere/GPT_API_free";

        public IReadOnlyList<CommunityIssue> Issues { get; set; } = [];
    }
}

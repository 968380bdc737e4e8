namespace ChatAnywhere.Emulator.Scenarios
{
    /// <summary>One issue (or pull request) of the community section, opened MinutesAgo before each request.</summary>
    public sealed record CommunityIssue
    {
        public int Number { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? Body { get; set; }

        public int MinutesAgo { get; set; }

        /// <summary>GitHub lists pull requests among issues; they carry a pull_request member.</summary>
        public bool PullRequest { get; set; }
    }
}

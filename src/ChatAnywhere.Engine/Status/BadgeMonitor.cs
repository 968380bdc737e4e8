namespace ChatAnywhere.Engine.Status
{
    /// <summary>A monitor whose badges are read when the status page cannot be: its id, and the name to show.</summary>
    internal sealed class BadgeMonitor
    {
        public BadgeMonitor(int id, string name)
        {
            Id = id;
            Name = name;
        }

        public int Id { get; }

        public string Name { get; }

        /// <summary>
        /// ChatAnywhere's monitors as its README badges name them (uptime-kuma-api.md, "ChatAnywhere facts"):
        /// read by default for its status hosts, whose status-page slug no source shows.
        /// </summary>
        public static BadgeMonitor[] ChatAnywhere { get; } =
        {
            new BadgeMonitor(6, "GPT"),
            new BadgeMonitor(10, "GPT-CA系列"),
            new BadgeMonitor(8, "Claude"),
            new BadgeMonitor(3, "Gemini"),
            new BadgeMonitor(4, "Deepseek"),
        };
    }
}

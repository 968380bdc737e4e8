namespace ChatAnywhere.Emulator.Personalities.Relay
{
    /// <summary>How GET /api/token/ (and new-api's search) pages (relay-admin-api.md §2, "list").</summary>
    public enum RelayPaging
    {
        /// <summary>one-api: p 0-based, 10 a page, data a plain array; search unpaged.</summary>
        ZeroBasedTen,

        /// <summary>new-api 2025-04: p 0-based, size up to 100 (default 10), data a plain array; search unpaged.</summary>
        ZeroBasedSized,

        /// <summary>new-api now: p 1-based, page_size/ps/size up to 100 (default 10), data {page,page_size,total,items}; search paged alike.</summary>
        OneBasedEnvelope,
    }
}

namespace VideoHub.Features.Gallery;

/// <summary>
/// Serves the virtualised grid's "items from index i, n of them" out of keyset pages. It keeps only the cursors
/// of pages already reached and a few recent pages, never the whole list; a far jump finds its page's cursor on
/// the sort index (<paramref name="cursorBefore"/>) instead of walking every page before it.
/// </summary>
public sealed class KeysetWindow<T>(int pageSize, Func<string?, int, Task<(IReadOnlyList<T> Items, string? Next)>> loadPage,
    Func<int, Task<string?>> cursorBefore, int keepPages = 8)
{
    private readonly Dictionary<int, string?> starts = new() { [0] = null };
    private readonly LinkedList<(int Page, IReadOnlyList<T> Items)> recent = new();

    public int PageSize => pageSize;
    /// <summary>How many pages are held right now (for tests: bounded by keepPages).</summary>
    public int CachedPages => recent.Count;

    public async Task<IReadOnlyList<T>> GetAsync(int start, int count)
    {
        var result = new List<T>(count);
        if (count <= 0 || start < 0) return result;
        for (var page = start / pageSize; page <= (start + count - 1) / pageSize; page++)
        {
            var items = await PageAsync(page);
            var from = page == start / pageSize ? start % pageSize : 0;
            result.AddRange(items.Skip(from).Take(count - result.Count));
            if (items.Count < pageSize) break;
        }
        return result;
    }

    private async Task<IReadOnlyList<T>> PageAsync(int page)
    {
        var hit = recent.FirstOrDefault(r => r.Page == page);
        if (hit.Items is not null)
        {
            recent.Remove(hit);
            recent.AddFirst(hit);
            return hit.Items;
        }
        if (!starts.TryGetValue(page, out var cursor))
        {
            cursor = await cursorBefore(page * pageSize);
            if (cursor is null) return []; // past the end
            starts[page] = cursor;
        }
        var (items, next) = await loadPage(cursor, pageSize);
        if (next is not null) starts[page + 1] = next;
        recent.AddFirst((page, items));
        while (recent.Count > keepPages) recent.RemoveLast();
        return items;
    }
}

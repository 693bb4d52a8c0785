using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Gallery.Search;

namespace VideoHub.Features.Gallery;

/// <summary>
/// The gallery across every project the user belongs to: filtered, searched and keyset-paged in the database, so
/// a page costs the same at the first card as at the 100,000th. Each project's takes are walked in order on its
/// own (ProjectId, sort key, Id) index; see <see cref="GalleryQueries"/>.
/// </summary>
public sealed partial class GalleryService(IDbContextFactory<VideoHubDbContext> dbFactory, IPromptSearch search, GalleryChoicesCache choiceCache,
    Review.ReviewService review)
{
    public const int MaxPageSize = 200;
    /// <summary>The first screen counts this many takes at most and shows "1,000+" beyond; the grid counts further as it scrolls.</summary>
    public const int FirstCountLimit = 1000;

    public async Task<GalleryPage> PageAsync(Actor actor, GalleryFilters filters, string? cursor, int size, CancellationToken ct = default)
    {
        size = Math.Clamp(size, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await GalleryScope.LoadAsync(db, actor, ct);
        var queries = new GalleryQueries(db, scope, filters, search);
        var key = GalleryCursor.Parse(cursor, filters.Sort);
        if (!queries.Any || (cursor is not null && key is null)) return new([], null);
        var rows = await GalleryQueries.Cards(queries.Page(key, size + 1)).ToListAsync(ct);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(rows.Count - 1);
        var cards = rows.Select(r => r.ToCard(scope.Name(r.ProjectId))).ToList();
        return new(cards, more ? GalleryCursor.Of(cards[^1], filters.Sort) : null);
    }

    /// <summary>Every matching take, counted: reads all of them, so only when the user asks for the exact number.</summary>
    public async Task<int> CountAsync(Actor actor, GalleryFilters filters, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queries = new GalleryQueries(db, await GalleryScope.LoadAsync(db, actor, ct), filters, search);
        return queries.Any ? await queries.All().CountAsync(ct) : 0;
    }

    /// <summary>Counts at most <paramref name="limit"/> takes (an index walk that stops there); More says there are others.</summary>
    public async Task<GalleryCount> CountUpToAsync(Actor actor, GalleryFilters filters, int limit, CancellationToken ct = default)
    {
        limit = Math.Max(1, limit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queries = new GalleryQueries(db, await GalleryScope.LoadAsync(db, actor, ct), filters, search);
        var n = queries.Any ? await GalleryQueries.CountSource(queries.All(), limit + 1).CountAsync(ct) : 0;
        return new(Math.Min(n, limit), n > limit);
    }

    /// <summary>
    /// The cursor that starts the page at <paramref name="offset"/>, found on the sort index alone (only the key
    /// columns read), so jumping far down the grid costs one index walk instead of loading every page before it.
    /// </summary>
    public async Task<string?> CursorBeforeAsync(Actor actor, GalleryFilters filters, int offset, CancellationToken ct = default)
    {
        if (offset <= 0) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queries = new GalleryQueries(db, await GalleryScope.LoadAsync(db, actor, ct), filters, search);
        if (!queries.Any) return null;
        var row = await GalleryQueries.SortKeys(GalleryQueries.Ordered(queries.All(), filters.Sort).Skip(offset - 1), filters.Sort).FirstOrDefaultAsync(ct);
        return row is null ? null : GalleryCursor.Of(row.Id, row.CreatedAt, row.DurationSeconds, filters.Sort);
    }
}

/// <summary>A bounded count: Value takes, and More when there are others past the limit.</summary>
public sealed record GalleryCount(int Value, bool More)
{
    public string Label => $"{Value:N0}{(More ? "+" : "")} take{(Value == 1 && !More ? "" : "s")}";
}

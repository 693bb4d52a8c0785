using VideoHub.Data;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Gallery;

public sealed partial class GalleryService
{
    /// <summary>SQLite's plans of the gallery's queries for these filters, by name: for tests and the benchmark.</summary>
    internal async Task<Dictionary<string, List<string>>> ExplainAsync(Actor actor, GalleryFilters filters, string? cursor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queries = new GalleryQueries(db, await GalleryScope.LoadAsync(db, actor, ct), filters, search);
        var key = GalleryCursor.Parse(cursor, filters.Sort);
        return new()
        {
            ["page"] = await QueryPlan.ExplainAsync(GalleryQueries.Cards(queries.Page(key, 49)), ct),
            ["count"] = await QueryPlan.ExplainAsync(GalleryQueries.CountSource(queries.All(), FirstCountLimit + 1), ct),
            ["jump"] = await QueryPlan.ExplainAsync(GalleryQueries.SortKeys(GalleryQueries.Ordered(queries.All(), filters.Sort).Skip(100), filters.Sort), ct),
        };
    }
}

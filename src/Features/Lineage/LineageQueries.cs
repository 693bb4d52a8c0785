using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Lineage;

/// <summary>
/// Walks lineage in the database with recursive CTEs, whatever the depth: one query for a take's ancestors and one
/// for the whole family (ancestors and descendants). An edge is a parent take (remix, edit, extend) or a take joined
/// into a sequence. Plain SQL that SQLite and PostgreSQL both run.
/// </summary>
public static class LineageQueries
{
    /// <summary>Safety net against a corrupt cycle; real chains are at most a few dozen deep.</summary>
    private const int MaxDepth = 10_000;

    private const string Edges = """
        edges("Parent", "Child") AS (
            SELECT "ParentVideoId", "Id" FROM "Videos" WHERE "ParentVideoId" IS NOT NULL
            UNION ALL
            SELECT "SourceVideoId", "SequenceVideoId" FROM "SequenceParts")
        """;

    /// <summary>The take, its ancestors and its descendants (ids only).</summary>
    public static Task<List<Guid>> FamilyIdsAsync(VideoHubDbContext db, Guid videoId, CancellationToken ct)
    {
        var id = Key(db, videoId);
        return db.Database.SqlQueryRaw<Guid>($$"""
            WITH RECURSIVE {{Edges}},
            up("Id", "Depth") AS (
                SELECT {0}, 0
                UNION
                SELECT e."Parent", up."Depth" + 1 FROM edges e JOIN up ON e."Child" = up."Id" WHERE up."Depth" < {{MaxDepth}}),
            down("Id", "Depth") AS (
                SELECT {0}, 0
                UNION
                SELECT e."Child", down."Depth" + 1 FROM edges e JOIN down ON e."Parent" = down."Id" WHERE down."Depth" < {{MaxDepth}})
            SELECT "Id" AS "Value" FROM up
            UNION
            SELECT "Id" AS "Value" FROM down
            """, id).ToListAsync(ct);
    }

    /// <summary>
    /// The extension chain that ends at this take: how many Extend steps lead to it without interruption. The chain's
    /// length is the take's own duration, because an extension's take is the stitched whole.
    /// </summary>
    public static async Task<int> ExtensionCountAsync(VideoHubDbContext db, Guid videoId, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<string>($$"""
            WITH RECURSIVE chain("Id", "Operation", "ParentVideoId", "Depth") AS (
                SELECT "Id", "Operation", "ParentVideoId", 0 FROM "Videos" WHERE "Id" = {0}
                UNION ALL
                SELECT v."Id", v."Operation", v."ParentVideoId", c."Depth" + 1
                FROM "Videos" v JOIN chain c ON v."Id" = c."ParentVideoId"
                WHERE c."Operation" = 'Extend' AND c."Depth" < {{MaxDepth}})
            SELECT "Operation" AS "Value" FROM chain ORDER BY "Depth"
            """, Key(db, videoId)).ToListAsync(ct);
        return rows.TakeWhile(op => op == nameof(RenderOperation.Extend)).Count();
    }

    /// <summary>Guids are stored as upper-case text on SQLite.</summary>
    private static object Key(VideoHubDbContext db, Guid id) => db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace VideoHub.Features.Gallery.Search;

/// <summary>
/// SQLite FTS5 over take prompts: an external-content table (the text stays in Videos) kept in sync by triggers.
/// Its rowids are the Videos rowids, which SQLite may renumber on VACUUM or when a migration rebuilds the Videos
/// table (that also drops the triggers): such a migration must call <see cref="Create"/> again, which is idempotent.
/// </summary>
public static class GallerySearchSql
{
    public const string Table = "VideoSearch";

    private static readonly string[] CreateStatements =
    [
        "DROP TRIGGER IF EXISTS VideoSearch_ai",
        "DROP TRIGGER IF EXISTS VideoSearch_ad",
        "DROP TRIGGER IF EXISTS VideoSearch_au",
        "DROP TABLE IF EXISTS VideoSearch",
        "CREATE VIRTUAL TABLE VideoSearch USING fts5(Prompt, content='Videos', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
        """
        CREATE TRIGGER VideoSearch_ai AFTER INSERT ON Videos BEGIN
          INSERT INTO VideoSearch(rowid, Prompt) VALUES (new.rowid, new.Prompt);
        END
        """,
        """
        CREATE TRIGGER VideoSearch_ad AFTER DELETE ON Videos BEGIN
          INSERT INTO VideoSearch(VideoSearch, rowid, Prompt) VALUES ('delete', old.rowid, old.Prompt);
        END
        """,
        """
        CREATE TRIGGER VideoSearch_au AFTER UPDATE OF Prompt ON Videos BEGIN
          INSERT INTO VideoSearch(VideoSearch, rowid, Prompt) VALUES ('delete', old.rowid, old.Prompt);
          INSERT INTO VideoSearch(rowid, Prompt) VALUES (new.rowid, new.Prompt);
        END
        """,
        "INSERT INTO VideoSearch(VideoSearch) VALUES ('rebuild')",
    ];

    public static void Create(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite") return;
        foreach (var sql in CreateStatements) migrationBuilder.Sql(sql);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite") return;
        foreach (var sql in CreateStatements.Take(4)) migrationBuilder.Sql(sql);
    }

    /// <summary>The statements, for a database made without migrations (benchmarks) or to rebuild after a VACUUM.</summary>
    public static IReadOnlyList<string> Statements => CreateStatements;
}

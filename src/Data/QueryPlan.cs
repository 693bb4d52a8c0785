using System.Data;
using Microsoft.EntityFrameworkCore;

namespace VideoHub.Data;

/// <summary>SQLite's EXPLAIN QUERY PLAN for an EF query, with its parameters bound: for tests and benchmarks that check index use.</summary>
internal static class QueryPlan
{
    public static async Task<List<string>> ExplainAsync<T>(IQueryable<T> query, CancellationToken ct = default)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        if (command.Connection!.State != ConnectionState.Open) await command.Connection.OpenAsync(ct);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(3));
        return lines;
    }
}

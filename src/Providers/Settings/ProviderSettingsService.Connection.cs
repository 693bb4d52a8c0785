using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Users;

namespace VideoHub.Providers.Settings;

public sealed partial class ProviderSettingsService
{
    private const string EntityType = "Provider";
    private const int MaxStoredMessageLength = 300;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Lists one video at the provider: proves the URL, the key and the wire format in one call. Audited, because it
    /// makes this server call an address an admin chose; the audit row also keeps the result for the page.
    /// </summary>
    public async Task<ProviderConnectionTest> TestConnectionAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var missing = new ProviderConnectionTest(false, "This provider does not exist.", clock.GetUtcNow().UtcDateTime);
        if (!actor.IsAdmin) return missing;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null) return missing;

        var started = clock.GetTimestamp();
        ProviderConnectionTest test;
        try
        {
            var client = registry.Connect(row);
            var result = await client.ListVideosAsync(new VideoListQuery(Limit: 1), ct);
            var now = clock.GetUtcNow().UtcDateTime;
            test = result.IsSuccess
                ? new(true, "Connected: the provider answered with its video list.", now, clock.GetElapsedTime(started))
                : new(false, ConnectionWords.Explain(result.Error), now, null, result.Error.Kind);
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException)
        {
            // Not reachable at all: no address yet, or a base URL from configuration that is not a URL.
            test = new(false, ex.Message, clock.GetUtcNow().UtcDateTime);
        }

        var stored = test with { Message = Shorten(test.Message) };
        audit.Add(db, actor, AuditActions.ProviderConnectionTested, EntityType, row.Id,
            $"Tested the connection to provider {row.Name}: " + (test.Succeeded
                ? $"connected in {test.Latency!.Value.TotalMilliseconds:0} ms"
                : $"failed ({test.ErrorKind?.ToString() ?? "not configured"})"),
            after: JsonSerializer.Serialize(StoredTest.From(stored), Json));
        await db.SaveChangesAsync(ct);
        return test;
    }

    /// <summary>The built-in local provider's key, for an admin who needs it (e.g. to point an SDK at it). Audited.</summary>
    public async Task<string?> RevealLocalProviderKeyAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return null;
        await audit.RecordAsync(actor, AuditActions.ProviderKeyViewed, EntityType, ProviderKinds.Local,
            "Viewed the local provider's API key", ct: ct);
        return localKey.Value;
    }

    /// <summary>The latest test of each provider (or of one), read back from the audit log.</summary>
    private static async Task<Dictionary<string, ProviderConnectionTest>> LastTestsAsync(VideoHubDbContext db,
        CancellationToken ct, string? providerId = null)
    {
        var tests = db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == AuditActions.ProviderConnectionTested && a.EntityType == EntityType);
        if (providerId is not null) tests = tests.Where(a => a.EntityId == providerId);
        var latestIds = await tests.GroupBy(a => a.EntityId).Select(g => g.Max(a => a.Id)).ToListAsync(ct);
        var rows = await db.AuditEvents.AsNoTracking().Where(a => latestIds.Contains(a.Id))
            .Select(a => new { a.EntityId, a.After }).ToListAsync(ct);
        var result = new Dictionary<string, ProviderConnectionTest>();
        foreach (var row in rows)
            if (StoredTest.Read(row.After) is { } test) result[row.EntityId] = test;
        return result;
    }

    private static string Shorten(string message) =>
        message.Length <= MaxStoredMessageLength ? message : message[..(MaxStoredMessageLength - 1)] + "…";

    /// <summary>The audit row's "after" JSON of a connection test.</summary>
    private sealed record StoredTest(bool Succeeded, string Message, DateTime TestedAt, double? LatencyMs, ProviderErrorKind? ErrorKind)
    {
        public static StoredTest From(ProviderConnectionTest t) =>
            new(t.Succeeded, t.Message, t.TestedAt, t.Latency?.TotalMilliseconds, t.ErrorKind);

        public static ProviderConnectionTest? Read(string? json)
        {
            if (string.IsNullOrEmpty(json)) return null;
            try
            {
                var s = JsonSerializer.Deserialize<StoredTest>(json, Json);
                return s is null ? null : new(s.Succeeded, s.Message, DateTime.SpecifyKind(s.TestedAt, DateTimeKind.Utc),
                    s.LatencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, s.ErrorKind);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}

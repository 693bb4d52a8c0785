using System.Reflection;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Admin.Audit;

/// <summary>
/// Reads the audit log newest first with keyset paging on (At, Id), so every page costs the same however deep it
/// is; the filters line up with the indexes on (At), (Action, At), (ProjectId, At) and (ActorId, At).
/// </summary>
public sealed class AuditQuery(IDbContextFactory<VideoHubDbContext> dbFactory)
{
    public const int MaxPageSize = 200;
    private const int MaxPicks = 20;

    /// <summary>Every action name VideoHub writes, for the filter list.</summary>
    public static IReadOnlyList<string> KnownActions { get; } = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal).ToList();

    public async Task<AuditPage> PageAsync(Actor actor, AuditFilter filter, AuditCursor? olderThan = null,
        int pageSize = 50, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db.AuditEvents.AsNoTracking(), filter);
        // The first term alone can use the index on At; the second breaks ties between rows of the same instant.
        if (olderThan is { } c) query = query.Where(a => a.At <= c.At && (a.At < c.At || a.Id < c.Id));
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        if (rows.Count <= pageSize) return new AuditPage(rows, null);
        rows.RemoveAt(pageSize);
        return new AuditPage(rows, new AuditCursor(rows[^1].At, rows[^1].Id));
    }

    private static IQueryable<AuditEvent> Filter(IQueryable<AuditEvent> query, AuditFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.Action)) query = query.Where(a => a.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.ActorId)) query = query.Where(a => a.ActorId == f.ActorId);
        if (f.ProjectId is { } projectId) query = query.Where(a => a.ProjectId == projectId);
        if (!string.IsNullOrWhiteSpace(f.EntityType)) query = query.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            var entityId = f.EntityId.Trim();
            query = query.Where(a => a.EntityId == entityId);
        }
        if (f.FromUtc is { } from) query = query.Where(a => a.At >= from);
        if (f.ToUtc is { } to) query = query.Where(a => a.At < to);
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var text = f.Text.Trim().ToUpperInvariant();
            query = query.Where(a => a.Summary.ToUpper().Contains(text));
        }
        return query;
    }

    /// <summary>Users whose email or display name contains the text, for the actor filter.</summary>
    public async Task<IReadOnlyList<AuditPick>> FindActorsAsync(Actor actor, string? text, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var upper = (text ?? "").Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking()
            .Where(u => upper == "" || u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper))
            .OrderBy(u => u.DisplayName).Take(MaxPicks)
            .Select(u => new AuditPick(u.Id, u.DisplayName + " (" + u.Email + ")"))
            .ToListAsync(ct);
    }

    /// <summary>Projects whose name contains the text, archived ones included, for the project filter.</summary>
    public async Task<IReadOnlyList<AuditPick>> FindProjectsAsync(Actor actor, string? text, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var upper = (text ?? "").Trim().ToUpperInvariant();
        var projects = await db.Projects.AsNoTracking()
            .Where(p => upper == "" || p.NameKey.Contains(upper))
            .OrderBy(p => p.Name).Take(MaxPicks)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(ct);
        return projects.Select(p => new AuditPick(p.Id.ToString(), p.Name)).ToList();
    }

    /// <summary>The kinds of entity the log mentions, for the entity filter.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(Actor actor, CancellationToken ct = default)
    {
        AdminGuard.Demand(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Api;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Api.Webhooks;

/// <summary>The Admin's list of hosts webhooks may reach although they resolve to loopback or private addresses.</summary>
public sealed partial class WebhookService
{
    public async Task<IReadOnlyList<AllowedHostView>> AllowedHostsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookAllowedHosts.AsNoTracking().OrderBy(h => h.Host)
            .Select(h => new AllowedHostView(h.Id, h.Host, h.AddedBy, h.AddedAt)).ToListAsync(ct);
    }

    public async Task<Result> AllowHostAsync(Actor actor, string host, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return Result.Forbidden("Only Admins can allow webhook hosts.");
        host = WebhookAddressGuard.Normalize(host ?? "");
        if (host.Length == 0 || host.Length > WebhookAllowedHost.HostMaxLength || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            return Result.Invalid("Host", "Enter a host name or an IP address, without scheme or port (e.g. hooks.intranet.example).");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.WebhookAllowedHosts.AnyAsync(h => h.Host == host, ct)) return Result.Invalid("Host", $"{host} is already allowed.");
        db.WebhookAllowedHosts.Add(new WebhookAllowedHost { Host = host, AddedBy = actor.UserName, AddedAt = Now });
        audit.Add(db, actor, AuditActions.WebhookHostAllowed, nameof(WebhookAllowedHost), host,
            $"Allowed webhooks to reach {host} even on a private address.");
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> RemoveHostAsync(Actor actor, long id, CancellationToken ct = default)
    {
        if (!actor.IsAdmin) return Result.Forbidden("Only Admins can change webhook hosts.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.WebhookAllowedHosts.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (row is null) return Result.Ok();
        db.WebhookAllowedHosts.Remove(row);
        audit.Add(db, actor, AuditActions.WebhookHostRemoved, nameof(WebhookAllowedHost), row.Host,
            $"Webhooks may no longer reach {row.Host} on a private address.");
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Review.Notifications;

public sealed record NotificationView(long Id, NotificationKind Kind, string Title, string? Body, string Link, DateTime CreatedAt, bool IsRead);

/// <summary>A user's bell changed (a new notification, or some were read).</summary>
public sealed record NotificationChange(string UserId);

/// <summary>
/// The in-app notifications (the bell). Other features call <see cref="NotifyAsync"/>, or <see cref="Add"/> inside
/// their own unit of work followed by <see cref="Announce"/> after it saved. A user only ever reads, marks or
/// listens to their own notifications.
/// </summary>
public sealed class NotificationService(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock,
    LiveHub<string, NotificationChange> live)
{
    /// <summary>Adds a notification row to the caller's unit of work; call <see cref="Announce"/> after saving.</summary>
    public Notification Add(VideoHubDbContext db, string userId, NotificationKind kind, string title, string? body, string link,
        Guid? projectId = null)
    {
        var row = new Notification
        {
            UserId = userId, Kind = kind, ProjectId = projectId, Link = Clip(link, 400),
            Title = Clip(title, Notification.TitleMaxLength), Body = body is null ? null : Clip(body, Notification.BodyMaxLength),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Notifications.Add(row);
        return row;
    }

    /// <summary>Tells the open bells of these users that something changed.</summary>
    public void Announce(IEnumerable<string> userIds)
    {
        foreach (var id in userIds.Distinct()) live.Publish(id, new NotificationChange(id));
    }

    public async Task NotifyAsync(string userId, NotificationKind kind, string title, string? body, string link,
        Guid? projectId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Add(db, userId, kind, title, body, link, projectId);
        await db.SaveChangesAsync(ct);
        Announce([userId]);
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<NotificationView>> ListAsync(Actor actor, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId)
            .OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one of the actor's notifications read; someone else's id changes nothing.</summary>
    public async Task MarkReadAsync(Actor actor, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.Id == id && n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0) Announce([actor.UserId]);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0) Announce([actor.UserId]);
    }

    /// <summary>Live changes of the actor's own bell; nobody can listen to another user's.</summary>
    public IDisposable Subscribe(Actor actor, Func<NotificationChange, Task> onChange) => live.Subscribe(actor.UserId, onChange);

    private static string Clip(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}

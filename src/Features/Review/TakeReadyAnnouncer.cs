using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;
using VideoHub.Features.Review.Notifications;

namespace VideoHub.Features.Review;

/// <summary>
/// When a take becomes Ready it enters review: its project's Owners and Reviewers (but not its author) get a
/// "take awaits your review" notification in the same unit of work, and open queues hear about it.
/// </summary>
public sealed class TakeReadyAnnouncer(NotificationService notifications, LiveHub<Guid, ReviewChange> live) : ITakeListener
{
    private readonly Dictionary<Guid, List<string>> pending = [];

    public async Task AddingAsync(VideoHubDbContext db, Video take, RenderRequest request, CancellationToken ct)
    {
        var reviewers = await db.ProjectMembers.AsNoTracking()
            .Where(m => m.ProjectId == take.ProjectId && (m.Role == ProjectRole.Owner || m.Role == ProjectRole.Reviewer) && m.UserId != request.AuthorId)
            .Select(m => m.UserId).ToListAsync(ct);
        foreach (var userId in reviewers)
            notifications.Add(db, userId, NotificationKind.ReviewRequested, $"A take by {request.AuthorName} awaits your review",
                ReviewService.Excerpt(take.Prompt), ReviewService.ReviewLink(take.ProjectId, take.Id), take.ProjectId);
        lock (pending) pending[take.Id] = reviewers;
    }

    public void Added(Video take)
    {
        List<string>? reviewers;
        lock (pending) { pending.Remove(take.Id, out reviewers); }
        live.Publish(take.ProjectId, new ReviewChange(take.ProjectId, take.Id, ReviewChangeKind.TakeReady));
        notifications.Announce(reviewers ?? []);
    }
}

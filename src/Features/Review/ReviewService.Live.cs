using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Review;

public sealed partial class ReviewService
{
    /// <summary>
    /// Live changes (decisions, comments) of one take, and picks in its project (they reorder its stack), or null when
    /// the actor may not see it. Access is checked again before each delivery, so a member removed meanwhile hears nothing more.
    /// </summary>
    public async Task<IDisposable?> SubscribeToTakeAsync(Actor actor, Guid videoId, Func<ReviewChange, Task> onChange, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projectId = await db.Videos.Where(v => v.Id == videoId).Select(v => (Guid?)v.ProjectId).FirstOrDefaultAsync(ct);
        if (projectId is not { } pid || !(await ProjectAccess.GetAsync(db, actor, pid, ct)).CanView) return null;
        return live.Subscribe(pid, async change =>
        {
            if ((change.VideoId != videoId && change.Kind != ReviewChangeKind.Pick) || !await CanStillViewAsync(actor, pid)) return;
            await onChange(change);
        });
    }

    internal async Task<bool> CanStillViewAsync(Actor actor, Guid projectId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await ProjectAccess.GetAsync(db, actor, projectId)).CanView;
    }
}

using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Review;

public sealed partial class ReviewService
{
    /// <summary>
    /// Picks a take as the one its version stack goes with (it then sits on top of the stack), or takes the pick back.
    /// A stack has at most one pick: picking a take unpicks the others. Members who comment (not Viewers) pick, as in
    /// the gallery.
    /// </summary>
    public async Task<Result> PickAsync(Actor actor, Guid videoId, bool picked, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var video = await db.Videos.FirstOrDefaultAsync(v => v.Id == videoId, ct);
        if (video is null) return Result.NotFound();
        var grant = await ProjectAccess.GetAsync(db, actor, video.ProjectId, ct);
        if (!grant.CanView) return Result.NotFound();
        if (!grant.CanComment) return Result.Forbidden("Viewers can see the stack but not pick a take.");
        if (grant.IsArchived) return Result.Forbidden("This project is archived and read-only.");

        var others = picked
            ? await db.Videos.Where(v => v.ProjectId == video.ProjectId && v.StackId == video.StackId && v.Id != videoId && v.IsPicked).ToListAsync(ct)
            : [];
        if (video.IsPicked == picked && others.Count == 0) return Result.Ok();
        foreach (var other in others) other.IsPicked = false;
        video.IsPicked = picked;
        audit.Add(db, actor, picked ? AuditActions.ReviewTakePicked : AuditActions.ReviewTakeUnpicked, "Video", videoId.ToString(),
            picked ? $"Picked take {videoId:N} in its stack" + (others.Count > 0 ? $" instead of {string.Join(", ", others.Select(o => o.Id.ToString("N")))}" : "")
                   : $"Took back the pick of take {videoId:N}",
            video.ProjectId, (!picked).ToString(), picked.ToString());
        await db.SaveChangesAsync(ct);
        live.Publish(video.ProjectId, new ReviewChange(video.ProjectId, videoId, ReviewChangeKind.Pick));
        return Result.Ok();
    }
}

using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Review;

/// <summary>
/// The takes awaiting my decision: pending takes of the active projects where I decide (Owner or Reviewer; Admins:
/// every project) that I have not decided on yet, oldest first.
/// </summary>
public sealed class ReviewQueueService(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock, LiveHub<Guid, ReviewChange> live)
{
    public async Task<IReadOnlyList<QueueItem>> ListAsync(Actor actor, QueueFilter filter, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Awaiting(db, actor);
        if (filter.ProjectId is { } p) rows = rows.Where(x => x.Video.ProjectId == p);
        if (!string.IsNullOrEmpty(filter.AuthorId)) rows = rows.Where(x => x.Request.AuthorId == filter.AuthorId);
        if (!string.IsNullOrEmpty(filter.Model)) rows = rows.Where(x => x.Video.Model == filter.Model);
        // Only takes of projects where I decide are in the queue at all, so another project's batch shows nothing.
        if (filter.BatchId is { } batch) rows = rows.Where(x => x.Request.BatchId == batch);
        if (filter.MinAgeHours is int hours && hours > 0)
        {
            var before = clock.GetUtcNow().UtcDateTime.AddHours(-hours);
            rows = rows.Where(x => x.Video.CreatedAt <= before);
        }
        return await rows.OrderBy(x => x.Video.CreatedAt).ThenBy(x => x.Video.Id).Take(Math.Clamp(take, 1, 500))
            .Select(x => new QueueItem(x.Video.Id, x.Video.ProjectId, x.ProjectName, x.Video.Prompt, x.Video.Model, x.Request.AuthorId,
                x.Request.AuthorName, x.Video.DurationSeconds, x.Video.CreatedAt,
                db.ReviewDecisions.Count(d => d.VideoId == x.Video.Id && d.SupersededAt == null && d.Verdict == ReviewVerdict.Approve),
                x.ApprovalsRequired))
            .ToListAsync(ct);
    }

    public async Task<int> CountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Awaiting(db, actor).CountAsync(ct);
    }

    /// <summary>A batch's name for the queue's batch filter; null when it does not exist or its project is not mine to see.</summary>
    public async Task<string?> BatchNameAsync(Actor actor, Guid batchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => new { b.ProjectId, b.Name }).FirstOrDefaultAsync(ct);
        if (batch is null || !(await ProjectAccess.GetAsync(db, actor, batch.ProjectId, ct)).CanView) return null;
        return batch.Name;
    }

    /// <summary>The projects, authors and models present in my queue, for its filters.</summary>
    public async Task<QueueFacets> FacetsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Awaiting(db, actor)
            .Select(x => new { x.Video.ProjectId, x.ProjectName, x.Request.AuthorId, x.Request.AuthorName, x.Video.Model }).ToListAsync(ct);
        return new QueueFacets(
            rows.DistinctBy(r => r.ProjectId).Select(r => (r.ProjectId, r.ProjectName)).OrderBy(r => r.ProjectName).ToList(),
            rows.DistinctBy(r => r.AuthorId).Select(r => (r.AuthorId, r.AuthorName)).OrderBy(r => r.AuthorName).ToList(),
            rows.Select(r => r.Model).Distinct().Order().ToList());
    }

    /// <summary>
    /// Tells the caller when their queue may have changed (a take became ready, someone decided). Only projects where
    /// the actor decides are listened to, and access is checked again before each delivery.
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(Actor actor, Func<Task> onChange, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var projects = await DecidingProjects(db, actor).Select(p => p.Id).ToListAsync(ct);
        return new CompositeSubscription(projects.Select(pid => live.Subscribe(pid, async _ =>
        {
            await using var check = await dbFactory.CreateDbContextAsync();
            if ((await ProjectAccess.GetAsync(check, actor, pid)).CanDecide) await onChange();
        })));
    }

    private static IQueryable<Project> DecidingProjects(VideoHubDbContext db, Actor actor) =>
        (actor.IsAdmin
            ? db.Projects
            : db.Projects.Where(p => p.Members.Any(m => m.UserId == actor.UserId && (m.Role == ProjectRole.Owner || m.Role == ProjectRole.Reviewer))))
        .Where(p => p.ArchivedAt == null);

    private sealed class Row
    {
        public Video Video { get; init; } = null!;
        public RenderRequest Request { get; init; } = null!;
        public string ProjectName { get; init; } = "";
        public int ApprovalsRequired { get; init; }
    }

    private static IQueryable<Row> Awaiting(VideoHubDbContext db, Actor actor) =>
        from p in DecidingProjects(db, actor)
        join v in db.Videos.AsNoTracking() on p.Id equals v.ProjectId
        join r in db.RenderRequests.AsNoTracking() on v.RenderRequestId equals r.Id
        where v.ReviewState == ReviewState.Pending
              && !db.ReviewDecisions.Any(d => d.VideoId == v.Id && d.ReviewerId == actor.UserId && d.SupersededAt == null)
        select new Row { Video = v, Request = r, ProjectName = p.Name, ApprovalsRequired = p.Settings.ApprovalsRequired };
}

public sealed record QueueFacets(
    IReadOnlyList<(Guid Id, string Name)> Projects,
    IReadOnlyList<(string Id, string Name)> Authors,
    IReadOnlyList<string> Models);

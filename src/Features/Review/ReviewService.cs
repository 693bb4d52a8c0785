using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Review.Notifications;

namespace VideoHub.Features.Review;

/// <summary>
/// Review of takes: decisions, comments, stacks and live updates. Every call checks the actor's project role in
/// the database: Reviewers, Owners and Admins decide; Editors (and they) comment; Viewers read; anyone else gets
/// "not found". Only this service changes a take's <see cref="Video.ReviewState"/>.
/// </summary>
public sealed partial class ReviewService(IDbContextFactory<VideoHubDbContext> dbFactory, TimeProvider clock, AuditLog audit,
    NotificationService notifications, LiveHub<Guid, ReviewChange> live)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TakeReview?> GetAsync(Actor actor, Guid projectId, Guid videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanView) return null;
        var take = await Summaries(db, v => v.Id == videoId && v.ProjectId == projectId).FirstOrDefaultAsync(ct);
        if (take is null) return null;

        var video = await db.Videos.AsNoTracking().FirstAsync(v => v.Id == videoId, ct);
        var request = await db.RenderRequests.AsNoTracking().FirstAsync(r => r.Id == video.RenderRequestId, ct);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Name, p.Settings.ApprovalsRequired }).FirstAsync(ct);
        var catalog = await (from link in db.RenderRequestCatalogItems.AsNoTracking()
                             where link.RenderRequestId == request.Id
                             join version in db.CatalogItemVersions on link.CatalogItemVersionId equals version.Id into versions
                             from version in versions.DefaultIfEmpty()
                             select new CatalogUse(link.Name, link.CatalogItemId, version == null ? null : (int?)version.Number)).ToListAsync(ct);
        var parent = video.ParentVideoId is { } pid ? await Summaries(db, v => v.Id == pid).FirstOrDefaultAsync(ct) : null;
        var children = (await Summaries(db, v => v.ParentVideoId == videoId).ToListAsync(ct)).OrderBy(t => t.CreatedAt).ToList();
        var stack = await StackAsync(db, projectId, video.StackId, ct);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.VideoId == videoId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToListAsync(ct);
        var comments = await db.ReviewComments.AsNoTracking().Where(c => c.VideoId == videoId).ToListAsync(ct);

        return new TakeReview(take, grant, project.Name, project.ApprovalsRequired, request.Id, request.AuthorId, request.ProviderId,
            request.Size, request.Seconds, request.EstimatedCostUsd, request.ActualCostUsd, request.PreCheckJson, catalog, parent,
            children, stack, decisions.Select(DecisionView.Of).ToList(), Thread(comments));
    }

    /// <summary>The takes of one version stack, picked or approved on top, then newest first.</summary>
    public async Task<IReadOnlyList<TakeSummary>?> StackAsync(Actor actor, Guid projectId, Guid stackId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        return await StackAsync(db, projectId, stackId, ct);
    }

    private static async Task<IReadOnlyList<TakeSummary>> StackAsync(VideoHubDbContext db, Guid projectId, Guid stackId, CancellationToken ct) =>
        ReviewRules.StackOrder(await Summaries(db, v => v.ProjectId == projectId && v.StackId == stackId).ToListAsync(ct)).ToList();

    /// <summary>Approve, request changes (note required) or reject (note required). A reviewer's new decision supersedes their previous one.</summary>
    public async Task<Result> DecideAsync(Actor actor, Guid videoId, ReviewVerdict verdict, string? note, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var video = await db.Videos.FirstOrDefaultAsync(v => v.Id == videoId, ct);
        if (video is null) return Result.NotFound();
        var grant = await ProjectAccess.GetAsync(db, actor, video.ProjectId, ct);
        if (!grant.CanView) return Result.NotFound();
        if (!grant.CanDecide) return Result.Forbidden("Only Reviewers, Owners and Admins decide on takes.");
        if (grant.IsArchived) return Result.Forbidden("This project is archived and read-only.");
        if (ReviewRules.NeedsNote(verdict) && note is null)
            return Result.Invalid("Note", verdict == ReviewVerdict.Reject ? "Say why the take is rejected." : "Say what should change.");
        if (note is { Length: > ReviewDecision.NoteMaxLength })
            return Result.Invalid("Note", $"The note can be at most {ReviewDecision.NoteMaxLength} characters.");

        var now = Now;
        var decisions = await db.ReviewDecisions.Where(d => d.VideoId == videoId).ToListAsync(ct);
        foreach (var mine in decisions.Where(d => d.ReviewerId == actor.UserId && d.SupersededAt is null)) mine.SupersededAt = now;
        var decision = new ReviewDecision
        {
            VideoId = videoId, ProjectId = video.ProjectId, ReviewerId = actor.UserId, ReviewerName = actor.UserName,
            Verdict = verdict, Note = note, CreatedAt = now,
        };
        db.ReviewDecisions.Add(decision);
        decisions.Add(decision);

        var required = await db.Projects.Where(p => p.Id == video.ProjectId).Select(p => p.Settings.ApprovalsRequired).FirstAsync(ct);
        var before = video.ReviewState;
        video.ReviewState = ReviewRules.StateOf(decisions, required);
        audit.Add(db, actor, verdict switch
        {
            ReviewVerdict.Approve => AuditActions.ReviewApproved,
            ReviewVerdict.RequestChanges => AuditActions.ReviewChangesRequested,
            _ => AuditActions.ReviewRejected,
        }, "Video", videoId.ToString(), $"{ReviewRules.Label(verdict)} take {videoId:N}" + (note is null ? "" : $": {note}"),
            video.ProjectId, before.ToString(), video.ReviewState.ToString());

        var authorId = await db.RenderRequests.Where(r => r.Id == video.RenderRequestId).Select(r => r.AuthorId).FirstOrDefaultAsync(ct);
        var notified = new List<string>();
        if (authorId is not null && authorId != actor.UserId)
        {
            notifications.Add(db, authorId, NotificationKind.ReviewDecision,
                $"{actor.UserName}: {ReviewRules.Label(verdict).ToLowerInvariant()} your take",
                $"{Excerpt(video.Prompt)}{(note is null ? "" : $" — “{note}”")}", ReviewLink(video.ProjectId, videoId), video.ProjectId);
            notified.Add(authorId);
        }
        await Api.Webhooks.WebhookWorkflowEvents.EnqueueReviewAsync(db, video, before, decision, ct);
        await db.SaveChangesAsync(ct);
        live.Publish(video.ProjectId, new ReviewChange(video.ProjectId, videoId, ReviewChangeKind.Decision));
        notifications.Announce(notified);
        return Result.Ok();
    }

    public static string ReviewLink(Guid projectId, Guid videoId) => $"/projects/{projectId}/takes/{videoId}/review";

    internal static string Excerpt(string prompt) => prompt.Length > 80 ? prompt[..79] + "…" : prompt;

    internal static IQueryable<TakeSummary> Summaries(VideoHubDbContext db, System.Linq.Expressions.Expression<Func<Video, bool>> filter) =>
        from v in db.Videos.AsNoTracking().Where(filter)
        join r in db.RenderRequests on v.RenderRequestId equals r.Id
        select new TakeSummary(v.Id, v.ProjectId, v.StackId, v.ParentVideoId, v.Operation, v.Prompt, v.Model, v.Width, v.Height,
            v.DurationSeconds, v.ReviewState, v.IsPicked, v.CreatedAt, r.AuthorName);
}

using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Notifications;
using VideoHub.Domain.Review;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Review;

public sealed partial class ReviewService
{
    /// <summary>The project's members as @-mention handles (the part of their e-mail before the @), for the comment box.</summary>
    public async Task<IReadOnlyList<MentionCandidate>> MentionCandidatesAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return [];
        return await MembersAsync(db, projectId, ct);
    }

    /// <summary>A comment at a time code (optionally a range and a drawing), or a reply to one. Editors, Reviewers, Owners and Admins.</summary>
    public async Task<Result<Guid>> AddCommentAsync(Actor actor, Guid videoId, CommentInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var video = await db.Videos.AsNoTracking().FirstOrDefaultAsync(v => v.Id == videoId, ct);
        if (video is null) return NotFound<Guid>();
        var grant = await ProjectAccess.GetAsync(db, actor, video.ProjectId, ct);
        if (!grant.CanView) return NotFound<Guid>();
        if (!grant.CanComment) return Forbidden<Guid>("Viewers can read comments but not write them.");
        if (grant.IsArchived) return Forbidden<Guid>("This project is archived and read-only.");

        var body = input.Body?.Trim() ?? "";
        if (body.Length == 0) return Result<Guid>.Invalid(nameof(CommentInput.Body), "Write a comment first.");
        if (body.Length > ReviewComment.BodyMaxLength)
            return Result<Guid>.Invalid(nameof(CommentInput.Body), $"A comment can be at most {ReviewComment.BodyMaxLength} characters.");

        ReviewComment? parent = null;
        if (input.ParentCommentId is { } parentId)
        {
            parent = await db.ReviewComments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.VideoId == videoId, ct);
            if (parent is null) return Result<Guid>.Invalid(nameof(CommentInput.ParentCommentId), "The comment you reply to no longer exists.");
            // Threads are one level deep: a reply to a reply joins the same thread.
            if (parent.ParentCommentId is { } root)
                parent = await db.ReviewComments.AsNoTracking().FirstAsync(c => c.Id == root, ct);
        }

        var limit = Math.Max(video.DurationSeconds, 0) + 0.5;
        var time = parent?.TimeSeconds ?? input.TimeSeconds;
        var end = parent is null ? input.EndSeconds : null;
        if (double.IsNaN(time) || time < 0 || time > limit) return Result<Guid>.Invalid(nameof(CommentInput.TimeSeconds), "The time code is outside the take.");
        if (end is { } e && (double.IsNaN(e) || e <= time || e > limit))
            return Result<Guid>.Invalid(nameof(CommentInput.EndSeconds), "The range must end after it starts and inside the take.");
        string? drawing = null;
        if (parent is null && !string.IsNullOrWhiteSpace(input.DrawingJson))
        {
            drawing = Drawing.Normalise(input.DrawingJson);
            if (drawing is null) return Result<Guid>.Invalid(nameof(CommentInput.DrawingJson), "The drawing could not be read.");
        }

        var comment = new ReviewComment
        {
            VideoId = videoId, ProjectId = video.ProjectId, ParentCommentId = parent?.Id, AuthorId = actor.UserId,
            AuthorName = actor.UserName, Body = body, TimeSeconds = Math.Round(time, 3), EndSeconds = end is { } x ? Math.Round(x, 3) : null,
            DrawingJson = drawing, CreatedAt = Now,
        };
        db.ReviewComments.Add(comment);

        var link = ReviewLink(video.ProjectId, videoId) + $"?t={comment.TimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var mentioned = Mentions.Resolve(body, await MembersAsync(db, video.ProjectId, ct)).Where(id => id != actor.UserId).ToList();
        foreach (var userId in mentioned)
        {
            db.ReviewCommentMentions.Add(new ReviewCommentMention { CommentId = comment.Id, UserId = userId });
            notifications.Add(db, userId, NotificationKind.Mention, $"{actor.UserName} mentioned you at {ReviewRules.TimeCode(comment.TimeSeconds)}",
                Excerpt(body), link, video.ProjectId);
        }
        var notified = new List<string>(mentioned);
        if (parent is not null && parent.AuthorId != actor.UserId && !mentioned.Contains(parent.AuthorId))
        {
            notifications.Add(db, parent.AuthorId, NotificationKind.Reply, $"{actor.UserName} replied to your comment", Excerpt(body), link, video.ProjectId);
            notified.Add(parent.AuthorId);
        }
        await db.SaveChangesAsync(ct);
        live.Publish(video.ProjectId, new ReviewChange(video.ProjectId, videoId, ReviewChangeKind.Comment));
        notifications.Announce(notified);
        return Result<Guid>.Ok(comment.Id);
    }

    /// <summary>Marks a comment thread resolved or open again.</summary>
    public async Task<Result> SetResolvedAsync(Actor actor, Guid commentId, bool resolved, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.ReviewComments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return Result.NotFound();
        var grant = await ProjectAccess.GetAsync(db, actor, comment.ProjectId, ct);
        if (!grant.CanView) return Result.NotFound();
        if (!grant.CanComment) return Result.Forbidden("Viewers can read comments but not resolve them.");
        if (grant.IsArchived) return Result.Forbidden("This project is archived and read-only.");
        if (comment.IsResolved == resolved) return Result.Ok();
        comment.IsResolved = resolved;
        comment.ResolvedBy = resolved ? actor.UserName : null;
        comment.ResolvedAt = resolved ? Now : null;
        audit.Add(db, actor, resolved ? AuditActions.ReviewCommentResolved : AuditActions.ReviewCommentReopened, "ReviewComment",
            commentId.ToString(), $"{(resolved ? "Resolved" : "Reopened")} a comment at {ReviewRules.TimeCode(comment.TimeSeconds)}", comment.ProjectId);
        await db.SaveChangesAsync(ct);
        live.Publish(comment.ProjectId, new ReviewChange(comment.ProjectId, comment.VideoId, ReviewChangeKind.Comment));
        return Result.Ok();
    }

    private static async Task<List<MentionCandidate>> MembersAsync(VideoHubDbContext db, Guid projectId, CancellationToken ct) =>
        (await (from m in db.ProjectMembers.AsNoTracking()
                where m.ProjectId == projectId
                join u in db.Users on m.UserId equals u.Id
                select new { u.Id, u.Email, u.UserName, u.DisplayName }).ToListAsync(ct))
        .Select(u => new MentionCandidate(u.Id, Mentions.HandleOf(u.Email ?? u.UserName ?? u.Id),
            string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName))
        .OrderBy(c => c.Handle, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Comments with their replies under them, ordered by time code.</summary>
    private static List<CommentView> Thread(List<ReviewComment> comments)
    {
        var replies = comments.Where(c => c.ParentCommentId is not null).GroupBy(c => c.ParentCommentId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreatedAt).Select(c => View(c, [])).ToList());
        return comments.Where(c => c.ParentCommentId is null).OrderBy(c => c.TimeSeconds).ThenBy(c => c.CreatedAt)
            .Select(c => View(c, replies.GetValueOrDefault(c.Id) ?? [])).ToList();
    }

    private static CommentView View(ReviewComment c, IReadOnlyList<CommentView> replies) => new(c.Id, c.ParentCommentId, c.AuthorId,
        c.AuthorName, c.Body, c.TimeSeconds, c.EndSeconds, c.DrawingJson, c.IsResolved, c.ResolvedBy, c.CreatedAt, replies);

    private static Result<T> NotFound<T>() => Result<T>.NotFound("This take does not exist, or you do not have access to it.");
    private static Result<T> Forbidden<T>(string message) => Result<T>.Forbidden(message);
}

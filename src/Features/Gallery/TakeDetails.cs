using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Gallery;

public sealed record TakeLink(Guid Id, string Label, DateTime CreatedAt);

public sealed record TakeDecision(string ReviewerName, ReviewVerdict Verdict, string? Note, DateTime CreatedAt, bool Superseded);

/// <summary>Everything the take page shows, for a user who may see the take's project.</summary>
public sealed record TakeDetails(Guid Id, Guid ProjectId, string ProjectName, ProjectGrant Access, string Prompt, string Model, string ProviderId,
    RenderOperation Operation, string Size, int RequestedSeconds, string AuthorName, Guid RenderRequestId, double DurationSeconds,
    int Width, int Height, string? VideoCodec, string? AudioCodec, long Bytes, string Sha256, ReviewState ReviewState, bool IsPicked,
    bool IsFavourite, DateTime CreatedAt, bool HasThumbnail, bool HasSpritesheet, TakeLink? Parent, IReadOnlyList<TakeLink> Children,
    IReadOnlyList<TakeDecision> Decisions);

public sealed class TakeDetailsService(IDbContextFactory<VideoHubDbContext> dbFactory)
{
    /// <summary>The take, or null when it does not exist, is in another project, or the user may not see its project.</summary>
    public async Task<TakeDetails?> GetAsync(Actor actor, Guid projectId, Guid videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await db.Videos.AsNoTracking().FirstOrDefaultAsync(x => x.Id == videoId && x.ProjectId == projectId, ct);
        if (v is null) return null;
        var access = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!access.CanView) return null;
        var projectName = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).FirstAsync(ct);
        var request = await db.RenderRequests.AsNoTracking().Where(r => r.Id == v.RenderRequestId)
            .Select(r => new { r.Size, r.Seconds, r.AuthorName }).FirstOrDefaultAsync(ct);
        // Lineage stays inside the project: a parent elsewhere is not linked.
        var parent = v.ParentVideoId is { } pid
            ? await db.Videos.Where(p => p.Id == pid && p.ProjectId == projectId).Select(p => new TakeLink(p.Id, p.Prompt.Substring(0, 80), p.CreatedAt)).FirstOrDefaultAsync(ct)
            : null;
        var children = await db.Videos.Where(c => c.ParentVideoId == videoId && c.ProjectId == projectId).OrderBy(c => c.CreatedAt)
            .Select(c => new TakeLink(c.Id, c.Prompt.Substring(0, 80), c.CreatedAt)).Take(50).ToListAsync(ct);
        var decisions = await db.ReviewDecisions.Where(d => d.VideoId == videoId).OrderByDescending(d => d.CreatedAt)
            .Select(d => new TakeDecision(d.ReviewerName, d.Verdict, d.Note, d.CreatedAt, d.SupersededAt != null)).Take(50).ToListAsync(ct);
        return new TakeDetails(v.Id, projectId, projectName, access, v.Prompt, v.Model, v.ProviderId, v.Operation, request?.Size ?? $"{v.Width}x{v.Height}",
            request?.Seconds ?? 0, request?.AuthorName ?? "", v.RenderRequestId, v.DurationSeconds, v.Width, v.Height, v.VideoCodec, v.AudioCodec,
            v.Bytes, v.Sha256, v.ReviewState, v.IsPicked, v.IsFavourite, v.CreatedAt, v.ThumbnailKey != "", v.SpritesheetKey != "",
            parent, children, decisions);
    }
}

using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Lineage;

/// <summary>A take's lineage as project members see it: the family tree and its extension chain.</summary>
public sealed class LineageService(IDbContextFactory<VideoHubDbContext> dbFactory)
{
    /// <summary>The tree, or null when the take does not exist in this project or the actor may not see it.</summary>
    public async Task<LineageTree?> GetAsync(Actor actor, Guid projectId, Guid videoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        var current = await db.Videos.AsNoTracking().Where(v => v.Id == videoId && v.ProjectId == projectId)
            .Select(v => new { v.ProviderId, v.Model, v.DurationSeconds }).FirstOrDefaultAsync(ct);
        if (current is null) return null;

        var ids = await LineageQueries.FamilyIdsAsync(db, videoId, ct);
        var parts = await db.SequenceParts.AsNoTracking().Where(p => ids.Contains(p.SequenceVideoId))
            .OrderBy(p => p.Position).ToListAsync(ct);
        var nodes = await db.Videos.AsNoTracking().Where(v => ids.Contains(v.Id) && v.ProjectId == projectId)
            .Select(v => new { v.Id, v.ParentVideoId, v.Operation, v.ReviewState, v.DurationSeconds, v.Width, v.Height, v.Prompt, v.CreatedAt })
            .ToListAsync(ct);
        var extensions = await LineageQueries.ExtensionCountAsync(db, videoId, ct);
        var profile = await db.ProviderModels.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ProviderId == current.ProviderId && m.Model == current.Model, ct);

        return new LineageTree(projectId, videoId,
            nodes.Select(n => new LineageNode(n.Id, n.ParentVideoId, n.Operation, n.ReviewState, n.DurationSeconds, n.Width, n.Height,
                n.Prompt, n.CreatedAt, parts.Where(p => p.SequenceVideoId == n.Id).Select(p => p.SourceVideoId).ToList())).ToList(),
            extensions, current.DurationSeconds, profile?.MaxExtensions ?? 6, profile?.MaxChainSeconds ?? 120);
    }
}

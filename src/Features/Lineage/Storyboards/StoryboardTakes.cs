using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Lineage.Storyboards;

/// <summary>
/// The approved take that stands for a shot: the shot's own take or a version of it (a remix or edit in its version
/// stack), preferring a picked one, then the newest.
/// </summary>
public static class StoryboardTakes
{
    /// <summary>Shot take id → its approved stand-in (absent when none is approved).</summary>
    public static async Task<Dictionary<Guid, Guid>> ApprovedAsync(VideoHubDbContext db, IEnumerable<Guid> shotTakes, CancellationToken ct)
    {
        var ids = shotTakes.ToList();
        var stacks = await db.Videos.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.StackId }).ToListAsync(ct);
        var stackIds = stacks.Select(s => s.StackId).Distinct().ToList();
        var approved = await db.Videos.AsNoTracking()
            .Where(v => stackIds.Contains(v.StackId) && v.ReviewState == ReviewState.Approved && v.Operation != RenderOperation.Sequence)
            .Select(v => new { v.Id, v.StackId, v.IsPicked, v.CreatedAt }).ToListAsync(ct);
        var result = new Dictionary<Guid, Guid>();
        foreach (var s in stacks)
        {
            var best = approved.Where(a => a.StackId == s.StackId).OrderByDescending(a => a.IsPicked).ThenByDescending(a => a.CreatedAt).FirstOrDefault();
            if (best is not null) result[s.Id] = best.Id;
        }
        return result;
    }
}

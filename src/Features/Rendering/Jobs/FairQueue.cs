using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// The order in which queued requests are offered to the providers' limits: one lane for interactive requests and
/// one per running batch, taken round-robin, starting after the lane served last. So a 1,000-row batch gets every
/// other free slot at most while anyone else waits, and never starves a single user's request. Paused batches,
/// and provider batches still at the provider, have no lane.
/// </summary>
public sealed class FairQueue(LaneTurn turn)
{
    public sealed record Candidate(Guid Id, string ProviderId, Guid? Lane);

    public async Task<List<Candidate>> NextAsync(VideoHubDbContext db, DateTime now, int take, CancellationToken ct)
    {
        var due = db.RenderRequests.AsNoTracking()
            .Where(r => r.State == RenderState.Queued && (r.NextAttemptAt == null || r.NextAttemptAt <= now));
        var lanes = new List<(Guid, IReadOnlyList<Candidate>)>
        {
            (Guid.Empty, await due.Where(r => r.BatchId == null).OrderBy(r => r.CreatedAt).Take(take)
                .Select(r => new Candidate(r.Id, r.ProviderId, null)).ToListAsync(ct)),
        };
        var batches = await db.Batches.AsNoTracking()
            .Where(b => b.Status == BatchStatus.Running && (b.Mode == BatchMode.Direct || b.ProviderMappedAt != null))
            .OrderBy(b => b.CreatedAt).Select(b => b.Id).Take(take).ToListAsync(ct);
        foreach (var batchId in batches)
            lanes.Add((batchId, await due.Where(r => r.BatchId == batchId).OrderBy(r => r.CreatedAt).Take(take)
                .Select(r => new Candidate(r.Id, r.ProviderId, r.BatchId)).ToListAsync(ct)));
        return Interleave(lanes, turn.Last, take);
    }

    /// <summary>Remembers which lane got the last submission, so the next sweep starts with the one after it.</summary>
    public void Served(Candidate candidate) => turn.Last = candidate.Lane ?? Guid.Empty;

    /// <summary>Round-robin over the lanes (key Guid.Empty = interactive), starting after the lane whose key is <paramref name="last"/>.</summary>
    public static List<Candidate> Interleave(IReadOnlyList<(Guid Key, IReadOnlyList<Candidate> Rows)> keyed, Guid? last, int take)
    {
        var keys = keyed.Select(l => l.Key).ToList();
        var lanes = keyed.Select(l => l.Rows).ToList();
        var start = last is { } key && keys.IndexOf(key) is >= 0 and var at ? (at + 1) % lanes.Count : 0;
        var result = new List<Candidate>();
        for (var depth = 0; result.Count < take; depth++)
        {
            var any = false;
            for (var k = 0; k < lanes.Count && result.Count < take; k++)
            {
                var lane = lanes[(start + k) % lanes.Count];
                if (depth >= lane.Count) continue;
                result.Add(lane[depth]);
                any = true;
            }
            if (!any) break;
        }
        return result;
    }
}

/// <summary>The lane served last (Guid.Empty = interactive). Only the order of turns lives here, never a row's state.</summary>
public sealed class LaneTurn
{
    public Guid? Last { get; set; }
}

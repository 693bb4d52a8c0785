using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>
/// How much a sweep may send to one provider now: free render slots (MaxConcurrentRenders minus jobs submitting or
/// rendering) and the requests left this minute (RequestsPerMinute minus submissions in the last minute).
/// </summary>
public sealed class ProviderBudget(int freeSlots, int requestsLeft)
{
    private int freeSlots = freeSlots;
    private int requestsLeft = requestsLeft;

    public static async Task<ProviderBudget> ReadAsync(VideoHubDbContext db, ProviderDefinition provider, DateTime now, CancellationToken ct)
    {
        var active = await db.RenderRequests.CountAsync(r => r.ProviderId == provider.Id
            && (r.State == RenderState.Submitting || r.State == RenderState.Rendering), ct);
        var minuteAgo = now.AddMinutes(-1);
        var recent = await db.RenderRequests.CountAsync(r => r.ProviderId == provider.Id && r.SubmittedAt > minuteAgo, ct);
        return new ProviderBudget(provider.MaxConcurrentRenders - active, provider.RequestsPerMinute - recent);
    }

    /// <summary>Takes a slot and a request for a new submission, if both are left.</summary>
    public bool TryTakeNew()
    {
        if (freeSlots <= 0 || requestsLeft <= 0) return false;
        freeSlots--;
        requestsLeft--;
        return true;
    }

    /// <summary>A re-sent submission already holds its slot; it only needs a request.</summary>
    public bool TryTakeRetry()
    {
        if (requestsLeft <= 0) return false;
        requestsLeft--;
        return true;
    }
}

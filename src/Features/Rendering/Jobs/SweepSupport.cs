using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Rendering.Jobs;

/// <summary>What every sweep shares: saving a row under its concurrency token, telling pages, and backoff.</summary>
public sealed class SweepSupport(IRenderNotifier notifier, TimeProvider clock, ILogger<SweepSupport> log)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Saves the row's change; false when someone else (a cancel, another sweep) changed it first, in which case
    /// this sweep's change is dropped and the row is looked at again next time.
    /// </summary>
    public async Task<bool> SaveAsync(VideoHubDbContext db, RenderRequest row, CancellationToken ct)
    {
        row.Version = Guid.NewGuid();
        row.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogInformation("Render request {RequestId} changed meanwhile; leaving it to the next sweep.", row.Id);
            return false;
        }
        notifier.Publish(RenderUpdate.Of(row, Now));
        return true;
    }

    /// <summary>Tells open pages about a row saved by other means (several rows in one unit of work).</summary>
    public void Publish(RenderRequest row) => notifier.Publish(RenderUpdate.Of(row, Now));
    /// <summary>
    /// When to poll a render next. A provider that says when (openai-poll-after-ms) is followed, within the configured
    /// bounds: it knows how far along the job is, and backing off past its hint only leaves finished renders unnoticed
    /// (holding their concurrency slot and delaying the download). Without a hint, back off exponentially with jitter.
    /// </summary>
    public static TimeSpan NextPoll(RenderingOptions settings, int polls, TimeSpan? hint) => hint is { } h && h > TimeSpan.Zero
        ? TimeSpan.FromTicks(Math.Clamp(h.Ticks, settings.PollMinInterval.Ticks, Math.Max(settings.PollMinInterval.Ticks, settings.PollMaxInterval.Ticks)))
        : Backoff(settings.PollMinInterval, polls, settings.PollMaxInterval);

    /// <summary>Exponential backoff from <paramref name="first"/>, capped, with ±20 % jitter so renders spread out.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max, TimeSpan? atLeast = null)
    {
        var raw = first.TotalMilliseconds * Math.Pow(1.6, Math.Clamp(attempt, 0, 30));
        var capped = Math.Min(raw, max.TotalMilliseconds) * (0.8 + Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Max(capped, (atLeast ?? TimeSpan.Zero).TotalMilliseconds));
    }
}

using System.Threading.RateLimiting;

namespace VideoHub.Features.Gallery.Sharing;

/// <summary>
/// Wrong share passwords, limited per link (ASP.NET Core's rate limiting primitives): after
/// <see cref="PermitLimit"/> wrong answers in a window every further try is refused, right or wrong, until the
/// window ends. Keyed by link rather than address, so guessing from many addresses does not help.
/// </summary>
public sealed class SharePasswordLimiter : IDisposable
{
    public const int PermitLimit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(linkId =>
        RateLimitPartition.GetFixedWindowLimiter(linkId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitLimit, Window = Window, QueueLimit = 0, AutoReplenishment = true,
        }));

    public bool IsLockedOut(Guid linkId) => limiter.GetStatistics(linkId)?.CurrentAvailablePermits == 0;

    /// <summary>Counts one wrong password.</summary>
    public void RecordFailure(Guid linkId)
    {
        using var lease = limiter.AttemptAcquire(linkId);
    }

    public void Dispose() => limiter.Dispose();
}

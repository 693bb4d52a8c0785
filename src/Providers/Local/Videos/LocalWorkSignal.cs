namespace VideoHub.Providers.Local;

/// <summary>Wakes the background workers when new work arrives, so they need not poll quickly.</summary>
public sealed class LocalWorkSignal
{
    private readonly SemaphoreSlim signal = new(0, int.MaxValue);

    public void Wake()
    {
        if (signal.CurrentCount == 0) signal.Release();
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await signal.WaitAsync(timeout, ct);
}

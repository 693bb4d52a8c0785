using System.Collections.Concurrent;

namespace VideoHub.Features.Batches;

/// <summary>
/// Tells open batch pages that a batch itself changed (paused, completed, mapped back from the provider). Row
/// changes arrive through the render notifier. Pages check access before subscribing.
/// </summary>
public interface IBatchNotifier
{
    void Publish(Guid batchId);
    IDisposable Subscribe(Guid batchId, Func<Task> onChange);
}

public sealed class BatchNotifier(ILogger<BatchNotifier> log) : IBatchNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Handle, byte>> handlers = new();

    public void Publish(Guid batchId)
    {
        if (!handlers.TryGetValue(batchId, out var set)) return;
        foreach (var handle in set.Keys)
            _ = Task.Run(async () =>
            {
                try { await handle.OnChange(); }
                catch (Exception ex) { log.LogWarning(ex, "A batch update handler failed for batch {BatchId}", batchId); }
            });
    }

    public IDisposable Subscribe(Guid batchId, Func<Task> onChange)
    {
        var set = handlers.GetOrAdd(batchId, _ => new());
        var handle = new Handle(onChange, h => set.TryRemove(h, out _));
        set[handle] = 0;
        return handle;
    }

    private sealed class Handle(Func<Task> onChange, Action<Handle> remove) : IDisposable
    {
        public Func<Task> OnChange { get; } = onChange;
        public void Dispose() => remove(this);
    }
}

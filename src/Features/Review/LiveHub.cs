using System.Collections.Concurrent;

namespace VideoHub.Features.Review;

/// <summary>
/// In-process publish/subscribe keyed by project or user, like the render notifier: handlers run off the publisher's
/// thread and their failures are logged. Services authorise before they subscribe anyone (the hub does not).
/// </summary>
public sealed class LiveHub<TKey, TEvent>(ILogger<LiveHub<TKey, TEvent>> log) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ConcurrentDictionary<Subscription, byte>> map = new();

    public void Publish(TKey key, TEvent change)
    {
        if (!map.TryGetValue(key, out var handlers)) return;
        foreach (var subscription in handlers.Keys)
        {
            _ = Task.Run(async () =>
            {
                try { await subscription.Handler(change); }
                catch (Exception ex) { log.LogWarning(ex, "A live handler failed for {Key}", key); }
            });
        }
    }

    public IDisposable Subscribe(TKey key, Func<TEvent, Task> handler)
    {
        var handlers = map.GetOrAdd(key, _ => new());
        var subscription = new Subscription(handler);
        subscription.OnDispose = () => handlers.TryRemove(subscription, out _);
        handlers[subscription] = 0;
        return subscription;
    }

    public int SubscriberCount(TKey key) => map.TryGetValue(key, out var h) ? h.Count : 0;

    private sealed class Subscription(Func<TEvent, Task> handler) : IDisposable
    {
        public Func<TEvent, Task> Handler { get; } = handler;
        public Action OnDispose { get; set; } = () => { };
        public void Dispose() => OnDispose();
    }
}

/// <summary>Several subscriptions released together.</summary>
public sealed class CompositeSubscription(IEnumerable<IDisposable> parts) : IDisposable
{
    private readonly List<IDisposable> parts = parts.ToList();
    public void Dispose() { foreach (var p in parts) p.Dispose(); }
}

using System.Collections.Concurrent;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Rendering;

/// <summary>A change of one render request that open pages show: its state, progress and, when it failed, why.</summary>
public sealed record RenderUpdate(
    Guid RequestId,
    Guid ProjectId,
    RenderState State,
    int Progress,
    RenderFailureReason? FailureReason,
    string? Message,
    Guid? VideoId,
    DateTime At,
    Guid? BatchId = null)
{
    public static RenderUpdate Of(RenderRequest r, DateTime at) =>
        new(r.Id, r.ProjectId, r.State, r.Progress, r.FailureReason, r.ProviderMessage, r.VideoId, at, r.BatchId);
}

/// <summary>
/// Live render updates for open pages. Publishers call it after their change is saved; subscribers get updates of
/// one request or of every request in a project. The in-process implementation serves a single node; a PostgreSQL
/// LISTEN/NOTIFY one can replace it behind this interface (DESIGN §3).
/// </summary>
public interface IRenderNotifier
{
    void Publish(RenderUpdate update);

    /// <summary>Updates of one request until the returned handle is disposed.</summary>
    IDisposable SubscribeToRequest(Guid requestId, Func<RenderUpdate, Task> onUpdate);

    /// <summary>Updates of every request in one project until the returned handle is disposed.</summary>
    IDisposable SubscribeToProject(Guid projectId, Func<RenderUpdate, Task> onUpdate);
}

/// <summary>
/// In-process notifier. Handlers run off the publisher's thread and their failures are logged, so a closed page
/// never slows or breaks a job. Pages must check access before subscribing (the notifier does not).
/// </summary>
public sealed class RenderNotifier(ILogger<RenderNotifier> log) : IRenderNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> byRequest = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> byProject = new();

    public void Publish(RenderUpdate update)
    {
        Dispatch(byRequest, update.RequestId, update);
        Dispatch(byProject, update.ProjectId, update);
    }

    public IDisposable SubscribeToRequest(Guid requestId, Func<RenderUpdate, Task> onUpdate) => Add(byRequest, requestId, onUpdate);

    public IDisposable SubscribeToProject(Guid projectId, Func<RenderUpdate, Task> onUpdate) => Add(byProject, projectId, onUpdate);

    /// <summary>How many handlers listen to a project or request; for tests and diagnostics.</summary>
    public int SubscriberCount(Guid id) =>
        (byRequest.TryGetValue(id, out var r) ? r.Count : 0) + (byProject.TryGetValue(id, out var p) ? p.Count : 0);

    private Subscription Add(ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> map, Guid id,
        Func<RenderUpdate, Task> onUpdate)
    {
        var handlers = map.GetOrAdd(id, _ => new());
        var subscription = new Subscription(onUpdate);
        subscription.OnDispose = () => handlers.TryRemove(subscription, out _);
        handlers[subscription] = 0;
        return subscription;
    }

    private void Dispatch(ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> map, Guid id, RenderUpdate update)
    {
        if (!map.TryGetValue(id, out var handlers)) return;
        foreach (var subscription in handlers.Keys)
        {
            _ = Task.Run(async () =>
            {
                try { await subscription.Handler(update); }
                catch (Exception ex) { log.LogWarning(ex, "A render update handler failed for request {RequestId}", update.RequestId); }
            });
        }
    }

    private sealed class Subscription(Func<RenderUpdate, Task> handler) : IDisposable
    {
        public Func<RenderUpdate, Task> Handler { get; } = handler;
        public Action OnDispose { get; set; } = () => { };
        public void Dispose() => OnDispose();
    }
}

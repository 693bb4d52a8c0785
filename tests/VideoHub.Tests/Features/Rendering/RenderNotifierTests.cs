using Microsoft.Extensions.Logging.Abstractions;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Features.Rendering;

public sealed class RenderNotifierTests
{
    [Fact]
    public async Task Subscribers_GetUpdatesOfTheirRequestOrProject_OnlyUntilTheyUnsubscribe()
    {
        var notifier = new RenderNotifier(NullLogger<RenderNotifier>.Instance);
        var (project, request, otherRequest) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var byRequest = new List<RenderUpdate>();
        var byProject = new List<RenderUpdate>();
        var one = notifier.SubscribeToRequest(request, u => { lock (byRequest) byRequest.Add(u); return Task.CompletedTask; });
        using var all = notifier.SubscribeToProject(project, u => { lock (byProject) byProject.Add(u); return Task.CompletedTask; });
        using var failing = notifier.SubscribeToProject(project, _ => throw new InvalidOperationException("a closed page"));

        notifier.Publish(Update(request, project, 40));
        notifier.Publish(Update(otherRequest, project, 10));
        await Polling.UntilAsync(() => Task.FromResult(Count(byProject)), n => n == 2);
        one.Dispose();
        notifier.Publish(Update(request, project, 80));
        await Polling.UntilAsync(() => Task.FromResult(Count(byProject)), n => n == 3);

        lock (byRequest) Assert.Equal([40], byRequest.Select(u => u.Progress));
        Assert.Equal((2, 0), (notifier.SubscriberCount(project), notifier.SubscriberCount(request)));
    }

    private static int Count(List<RenderUpdate> list) { lock (list) return list.Count; }

    private static RenderUpdate Update(Guid request, Guid project, int progress) =>
        new(request, project, RenderState.Rendering, progress, null, null, null, DateTime.UtcNow);
}

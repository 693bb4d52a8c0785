using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Api;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Api.Webhooks;
using VideoHub.Features.Projects;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Tests.Features.Api;

/// <summary>Outbound webhooks end to end: the render pipeline's events reach a loopback receiver (allowed by setting), signed.</summary>
public sealed class WebhookDeliveryTests : ApiTestBase
{
    private WebhookReceiver receiver = null!;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:RetryBaseDelay"] = "00:00:00",
        ["Webhooks:MaxAttempts"] = "2",
        ["Webhooks:DisableAfterFailures"] = "3",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AReadyTake_AndAFailedRender_ReachTheReceiver_WithValidSignatures()
    {
        receiver.Secret = await RegisterAsync(WebhookEventTypes.TakeReadyForReview, WebhookEventTypes.RenderFailed);

        var ok = await QueuedAsync("A paper boat on a puddle, close up");
        await SweepUntilFinishedAsync([ok]);
        App.Providers.FaultHeader = "fail";
        var failed = await QueuedAsync("A paper plane over rooftops");
        await SweepUntilFinishedAsync([failed]);
        await DeliverAllAsync(expected: 2);

        var events = receiver.Received.Select(r => (r, JsonDocument.Parse(r.Body).RootElement)).ToList();
        Assert.All(events, e => Assert.Equal(WebhookVerification.Valid, e.r.Verification));
        var ready = Assert.Single(events, e => e.Item2.GetProperty("type").GetString() == WebhookEventTypes.TakeReadyForReview);
        var takeId = await App.DbAsync(db => db.RenderRequests.Where(r => r.Id == ok).Select(r => r.VideoId).SingleAsync());
        Assert.Equal(takeId, ready.Item2.GetProperty("data").GetProperty("takeId").GetGuid());
        var failure = Assert.Single(events, e => e.Item2.GetProperty("type").GetString() == WebhookEventTypes.RenderFailed);
        Assert.Equal(failed, failure.Item2.GetProperty("data").GetProperty("renderRequestId").GetGuid());
        Assert.All(await App.DbAsync(db => db.WebhookDeliveries.ToListAsync()), d => Assert.Equal(WebhookDeliveryState.Delivered, d.State));
    }

    [Fact]
    public async Task OnlySubscribedEvents_AreQueued()
    {
        receiver.Secret = await RegisterAsync(WebhookEventTypes.RenderFailed);
        await WithServiceAsync<WebhookEvents, int>(e => e.PublishAsync(ProjectId, WebhookEventTypes.TakeApproved, new { takeId = Guid.NewGuid() }));
        Assert.Equal(1, await WithServiceAsync<WebhookEvents, int>(e => e.PublishAsync(ProjectId, WebhookEventTypes.RenderFailed, new { x = 1 })));
        Assert.Equal(WebhookEventTypes.RenderFailed, (await App.DbAsync(db => db.WebhookDeliveries.SingleAsync())).EventType);
    }

    [Fact]
    public async Task AFailingReceiver_IsRetried_ThenDisabled_WithANoticeToTheOwners_AndRedeliveryWorksOnceFixed()
    {
        receiver.Secret = await RegisterAsync(WebhookEventTypes.TakeApproved);
        receiver.Status = 503;
        await WithServiceAsync<WebhookEvents, int>(e => e.PublishAsync(ProjectId, WebhookEventTypes.TakeApproved, new { n = 1 }));
        await WithServiceAsync<WebhookEvents, int>(e => e.PublishAsync(ProjectId, WebhookEventTypes.TakeApproved, new { n = 2 }));
        for (var i = 0; i < 4; i++) await RunDispatcherAsync();

        var deliveries = await App.DbAsync(db => db.WebhookDeliveries.OrderBy(d => d.CreatedAt).ToListAsync());
        Assert.Equal(3, receiver.Received.Count);
        Assert.Equal(503, deliveries[0].ResponseStatus);
        Assert.Equal("receiver is down", deliveries[0].ResponseBody);
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryState.Failed, d.State));
        var endpoint = await App.DbAsync(db => db.WebhookEndpoints.SingleAsync());
        Assert.False(endpoint.Enabled);
        var notice = await App.DbAsync(db => db.Notifications.SingleAsync());
        Assert.Equal(Owner.UserId, notice.UserId);
        Assert.Equal($"/projects/{ProjectId}/webhooks", notice.Link);

        receiver.Status = 200;
        Assert.True((await WithServiceAsync<WebhookService, Result>(s => s.SetEnabledAsync(Owner, ProjectId, endpoint.Id, true))).Succeeded);
        Assert.True((await WithServiceAsync<WebhookService, Result>(s => s.RedeliverAsync(Owner, ProjectId, deliveries[0].Id))).Succeeded);
        await RunDispatcherAsync();
        var last = receiver.Received.Last();
        Assert.Equal(deliveries[0].MessageId, last.Id);
        Assert.Equal(WebhookVerification.Valid, last.Verification);
    }

    [Fact]
    public async Task OnlyOwners_ManageWebhooks()
    {
        var editor = await UserAsync("editor");
        var other = await ProjectAsync(Owner, "Other", (editor, Domain.Projects.ProjectRole.Editor));
        var refused = await WithServiceAsync<WebhookService, Result<CreatedWebhook>>(
            s => s.CreateAsync(editor, other, new WebhookInput { Url = receiver.Url() }));
        Assert.False(refused.Succeeded);
        Assert.Null(await WithServiceAsync<WebhookService, IReadOnlyList<WebhookEndpointView>?>(s => s.ListAsync(editor, other)));
        Assert.Equal(0, await App.DbAsync(db => db.WebhookEndpoints.CountAsync()));
    }

    private async Task<string> RegisterAsync(params string[] events)
    {
        var created = await WithServiceAsync<WebhookService, Result<CreatedWebhook>>(s => s.CreateAsync(Owner, ProjectId,
            new WebhookInput { Url = receiver.Url(), Description = "test", Events = [.. events] }));
        Assert.True(created.Succeeded, created.Message);
        Assert.StartsWith(StandardWebhooks.SecretPrefix, created.Value!.Secret);
        return created.Value.Secret;
    }

    private Task<int> RunDispatcherAsync() => WithServiceAsync<WebhookDispatcher, int>(d => d.RunOnceAsync());

    /// <summary>Render events are queued off the job's thread: wait for the rows, then send them.</summary>
    private async Task DeliverAllAsync(int expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await App.DbAsync(db => db.WebhookDeliveries.CountAsync()) < expected) await Task.Delay(50, deadline.Token);
        await RunDispatcherAsync();
    }
}

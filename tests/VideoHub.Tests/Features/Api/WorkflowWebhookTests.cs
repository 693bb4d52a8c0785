using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Api;
using VideoHub.Features.Api.Webhooks;
using VideoHub.Features.Batches.Jobs;
using VideoHub.Features.Projects;
using VideoHub.Providers.Webhooks;

namespace VideoHub.Tests.Features.Api;

/// <summary>Review decisions and finished batches reach a subscribed loopback receiver as signed Standard Webhooks deliveries.</summary>
public sealed class WorkflowWebhookTests : ApiTestBase
{
    private WebhookReceiver receiver = null!;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:RetryBaseDelay"] = "00:00:00",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        receiver = await WebhookReceiver.StartAsync();
        var created = await WithServiceAsync<WebhookService, Result<CreatedWebhook>>(s => s.CreateAsync(Owner, ProjectId, new WebhookInput
        {
            Url = receiver.Url(), Description = "workflow",
            Events = [WebhookEventTypes.TakeApproved, WebhookEventTypes.TakeRejected, WebhookEventTypes.TakeChangesRequested, WebhookEventTypes.BatchFinished],
        }));
        Assert.True(created.Succeeded, created.Message);
        receiver.Secret = created.Value!.Secret;
    }

    public override async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ApprovingRejectingAndRequestingChanges_EachSendASignedEvent_ForTheTake()
    {
        var approved = await ApiReviewTests.SeedTakeAsync(App, ProjectId, Owner.UserId);
        var rejected = await ApiReviewTests.SeedTakeAsync(App, ProjectId, Owner.UserId);
        var changes = await ApiReviewTests.SeedTakeAsync(App, ProjectId, Owner.UserId);
        using var api = Client(await TokenAsync(Owner));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(api, $"/api/v1/takes/{approved}/decisions", new { verdict = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(api, $"/api/v1/takes/{rejected}/decisions", new { verdict = "Reject", note = "Off brief" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(api, $"/api/v1/takes/{changes}/decisions", new { verdict = "RequestChanges", note = "Warmer" })).StatusCode);
        // The same verdict again leaves the take's state as it was: no second event.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(api, $"/api/v1/takes/{approved}/decisions", new { verdict = "Approve" })).StatusCode);

        await WithServiceAsync<WebhookDispatcher, int>(d => d.RunOnceAsync());

        var events = receiver.Received.Select(r => (r.Verification, Json: JsonDocument.Parse(r.Body).RootElement)).ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(WebhookVerification.Valid, e.Verification));
        Guid TakeOf(string type) => events.Single(e => e.Json.GetProperty("type").GetString() == type).Json.GetProperty("data").GetProperty("takeId").GetGuid();
        Assert.Equal(approved, TakeOf(WebhookEventTypes.TakeApproved));
        Assert.Equal(rejected, TakeOf(WebhookEventTypes.TakeRejected));
        Assert.Equal(changes, TakeOf(WebhookEventTypes.TakeChangesRequested));
        var rejection = events.Single(e => e.Json.GetProperty("type").GetString() == WebhookEventTypes.TakeRejected).Json.GetProperty("data");
        Assert.Equal("Off brief", rejection.GetProperty("decision").GetProperty("note").GetString());
    }

    [Fact]
    public async Task ABatchThatFinishes_SendsASignedBatchFinishedEvent_WithItsCounts()
    {
        using var api = Client(await TokenAsync(Owner));
        using var body = new StringContent("{\"custom_id\":\"a\",\"prompt\":\"A kite over dunes\"}\n{\"custom_id\":\"b\",\"prompt\":\"A kite over the sea\"}\n",
            Encoding.UTF8, "application/jsonl");
        var created = await api.PostAsync($"/api/v1/projects/{ProjectId}/batches?name=Kites", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batchId = (await JsonOf(created)).GetProperty("id").GetGuid();
        var rows = await App.DbAsync(db => db.RenderRequests.Where(r => r.BatchId == batchId).Select(r => r.Id).ToListAsync());

        await SweepUntilFinishedAsync(rows);
        Assert.Equal(1, await WithServiceAsync<BatchSweeper, int>(s => s.RunOnceAsync()));
        await WithServiceAsync<WebhookDispatcher, int>(d => d.RunOnceAsync());

        var delivery = Assert.Single(receiver.Received);
        Assert.Equal(WebhookVerification.Valid, delivery.Verification);
        var json = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal(WebhookEventTypes.BatchFinished, json.GetProperty("type").GetString());
        var data = json.GetProperty("data");
        Assert.Equal(batchId, data.GetProperty("batchId").GetGuid());
        Assert.Equal("Completed", data.GetProperty("status").GetString());
        Assert.Equal(2, data.GetProperty("byState").GetProperty("Ready").GetInt32());
        var progress = await JsonOf(await api.GetAsync($"/api/v1/projects/{ProjectId}/batches/{batchId}"));
        Assert.Equal(100, progress.GetProperty("counts").GetProperty("percent").GetInt32());
    }
}

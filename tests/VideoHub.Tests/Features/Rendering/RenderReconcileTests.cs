using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Rendering;

public sealed class RenderReconcileTests : RenderingTestBase
{
    [Fact]
    public async Task ProviderWithoutIdempotency_LostCreateAnswer_IsFoundByListAndMatch_WithoutASecondPost()
    {
        // The same local provider, registered as a generic openai-compatible one: the submitter must not rely on keys.
        await AddGenericProviderAsync("generic");
        App.Providers.Script.LoseCreateAnswers(1);
        var created = await WithServiceAsync<RenderRequestService, RenderResult<RenderRequestView>>(s => s.CreateAsync(Owner,
            new NewRenderRequest(ProjectId, RenderOperation.Create, "list and match me", "generic", "sora-2", "1280x720", 4,
                PreCheckVerdict.Allowed, "{}")));

        var row = Assert.Single(await SweepUntilFinishedAsync([created.Value!.Id]));

        Assert.Equal(RenderState.Ready, row.State);
        Assert.Equal(1, App.Providers.Script.CreatesSent);
        Assert.Equal(row.ProviderJobId, Assert.Single(await ProviderJobsAsync("list and match me")).Id);
    }

    [Fact]
    public async Task WebhookDelivery_MakesARenderDueForAnImmediatePoll()
    {
        var id = await QueuedAsync("poke me");
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RenderSubmitter>().RunOnceAsync();
        var submitted = Assert.Single(await RowsAsync([id]));
        Assert.Equal(RenderState.Rendering, submitted.State);
        var later = DateTime.UtcNow.AddHours(1);
        await App.DbAsync(db => db.RenderRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, later)));
        await App.DbAsync(async db =>
        {
            db.ProviderWebhookDeliveries.Add(new ProviderWebhookDelivery
            {
                ProviderId = "local", WebhookId = "wh_1", EventType = "video.completed", ObjectId = submitted.ProviderJobId, ReceivedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RenderPoller>().RunOnceAsync();

        var polled = Assert.Single(await RowsAsync([id]));
        Assert.True(polled.NextAttemptAt < later, "the webhook should have made the render due now");
        Assert.True(polled.Polls > 0 || polled.State == RenderState.Downloading);
        Assert.Equal(0, await App.DbAsync(db => db.ProviderWebhookDeliveries.CountAsync(d => d.ProcessedAt == null)));
    }

    [Fact]
    public async Task Housekeeping_DeletesStaleTempFiles_AndKeepsCommittedOnes()
    {
        var folder = Path.Combine(MediaPath, "projects", "x");
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, "video.mp4.abc.partial");
        var fresh = Path.Combine(folder, "thumbnail.jpg.def.partial");
        var kept = Path.Combine(folder, "video.mp4");
        foreach (var f in new[] { stale, fresh, kept }) await File.WriteAllTextAsync(f, "x");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-1));

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RenderHousekeeping>().RunOnceAsync();

        Assert.Equal((false, true, true), (File.Exists(stale), File.Exists(fresh), File.Exists(kept)));
    }

    private async Task AddGenericProviderAsync(string id)
    {
        var local = App.Services.GetRequiredService<LocalProviderAddress>().TryGetBaseUrl()!;
        var key = App.Services.GetRequiredService<LocalProviderKey>().Value;
        var secrets = App.Services.GetRequiredService<ProviderSecrets>();
        await App.DbAsync(db =>
        {
            db.Providers.Add(new ProviderDefinition
            {
                Id = id, Name = "Generic", Kind = ProviderKinds.OpenAiCompatible, BaseUrl = local.ToString(),
                ApiKeyProtected = secrets.Protect(key), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Models = [new ProviderModelProfile { Model = "sora-2", Sizes = [new ProviderModelSize { Size = "1280x720", PricePerSecond = 0.1m }] }],
            });
            return db.SaveChangesAsync();
        });
    }
}

public sealed class RenderDeadlineTests : RenderingTestBase
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Rendering:RenderTimeout"] = "00:00:00.001",
    };

    [Fact]
    public async Task RenderPastItsDeadline_FailsAsTimedOut()
    {
        var id = await QueuedAsync("never fast enough");

        var row = Assert.Single(await SweepUntilFinishedAsync([id]));

        Assert.Equal((RenderState.Failed, RenderFailureReason.TimedOut), (row.State, row.FailureReason));
    }
}

/// <summary>The Quartz scheduler itself, with short triggers: nothing but the app moves the request.</summary>
public sealed class RenderSchedulerTests : RenderingTestBase
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Rendering:SchedulerEnabled"] = "true",
        ["Rendering:SubmitInterval"] = "00:00:00.200",
        ["Rendering:PollInterval"] = "00:00:00.200",
        ["Rendering:DownloadInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task ScheduledSweeps_TakeAQueuedRequestToReady()
    {
        var id = await QueuedAsync("scheduled");

        var row = await Providers.Infrastructure.Polling.UntilAsync(async () => Assert.Single(await RowsAsync([id])),
            r => RenderStateMachine.IsTerminal(r.State));

        Assert.Equal(RenderState.Ready, row.State);
    }
}

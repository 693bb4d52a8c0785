using Quartz;
using VideoHub.Features.Api.Webhooks;
using VideoHub.Features.Batches.Jobs;
using VideoHub.Features.Catalog.Registration;
using VideoHub.Features.Catalog;
using VideoHub.Features.Lineage.Storyboards;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Features.Rendering;

namespace VideoHub.Hosting;

/// <summary>
/// Every scheduled sweep and its trigger, in one place (DESIGN §3). On SQLite the scheduler keeps its triggers in
/// memory: the render rows are the queue, so nothing is lost on a restart.
/// </summary>
public static class Scheduling
{
    public static WebApplicationBuilder AddVideoHubScheduling(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RenderingOptions.Section).Get<RenderingOptions>() ?? new RenderingOptions();
        if (!options.SchedulerEnabled) return builder;

        builder.Services.AddQuartz(q =>
        {
            q.UseInMemoryStore(_ => { });
            Every<SubmitRendersJob>(q, SweepNudge.SubmitJob, options.SubmitInterval);
            Every<PollRendersJob>(q, "render-poll", options.PollInterval);
            Every<DownloadRendersJob>(q, SweepNudge.DownloadJob, options.DownloadInterval);
            Every<RenderHousekeepingJob>(q, "render-housekeeping", options.HousekeepingInterval);
            var catalog = builder.Configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
            Every<CatalogRegistrationJob>(q, "catalog-registration", catalog.RegistrationInterval);
            Every<BatchSweepJob>(q, "batch-sweep", options.BatchInterval);
            Every<WebhookDeliveryJob>(q, "webhook-delivery",
                builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>()?.DeliveryInterval ?? TimeSpan.FromSeconds(5));
            Every<StoryboardSweepJob>(q, "storyboard-sweep", options.SubmitInterval);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void Every<TJob>(IQuartzBuilder q, string name, TimeSpan interval) where TJob : IJob =>
        q.ScheduleJob<TJob>(
            t => t.WithIdentity(name).StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            j => j.WithIdentity(name));
}

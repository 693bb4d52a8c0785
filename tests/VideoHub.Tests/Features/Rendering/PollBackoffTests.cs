using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Rendering;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Tests.Features.Rendering.Infrastructure;

namespace VideoHub.Tests.Features.Rendering;

/// <summary>The backoff itself: exponential from the first delay, capped, ±20 % jitter, never below what the provider asked.</summary>
public sealed class BackoffTests
{
    [Fact]
    public void Backoff_GrowsByAttempt_WithJitterWithinTwentyPercent_AndStopsAtTheCap()
    {
        var first = TimeSpan.FromSeconds(2);
        var max = TimeSpan.FromSeconds(30);
        var means = new List<double>();
        for (var attempt = 0; attempt <= 10; attempt++)
        {
            var nominal = Math.Min(2 * Math.Pow(1.6, attempt), 30);
            var samples = Enumerable.Range(0, 400).Select(_ => SweepSupport.Backoff(first, attempt, max).TotalSeconds).ToList();
            Assert.All(samples, s => Assert.InRange(s, nominal * 0.8 - 1e-9, nominal * 1.2 + 1e-9));
            Assert.True(samples.Distinct().Count() > 100, "the delays are jittered, not all equal");
            Assert.True(samples.Max() - samples.Min() > nominal * 0.2, "the jitter spreads over most of its ±20 % range");
            means.Add(samples.Average());
        }
        for (var i = 1; i < means.Count && 2 * Math.Pow(1.6, i) <= 30; i++) Assert.True(means[i] > means[i - 1] * 1.4);
        Assert.InRange(means[^1], 30 * 0.95, 30 * 1.05);
    }

    [Theory]
    [InlineData(100, 2000)]     // a hint below the floor polls at the floor
    [InlineData(5000, 5000)]    // within the bounds: exactly when the provider asked
    [InlineData(60000, 30000)]  // above the ceiling: at the ceiling
    public void NextPoll_FollowsTheProvidersHint_WithinTheConfiguredBounds(int hintMs, int expectedMs)
    {
        var settings = new RenderingOptions { PollMinInterval = TimeSpan.FromSeconds(2), PollMaxInterval = TimeSpan.FromSeconds(30) };

        for (var polls = 0; polls < 12; polls++)
            Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), SweepSupport.NextPoll(settings, polls, TimeSpan.FromMilliseconds(hintMs)));
    }

    [Fact]
    public void NextPoll_WithoutAHint_BacksOff()
    {
        var settings = new RenderingOptions { PollMinInterval = TimeSpan.FromSeconds(2), PollMaxInterval = TimeSpan.FromSeconds(30) };

        Assert.InRange(SweepSupport.NextPoll(settings, 3, null).TotalSeconds, 2 * 4.096 * 0.8, 2 * 4.096 * 1.2);
        Assert.InRange(SweepSupport.NextPoll(settings, 3, TimeSpan.Zero).TotalSeconds, 2 * 4.096 * 0.8, 2 * 4.096 * 1.2);
    }

    [Fact]
    public void Backoff_IsNeverShorterThanWhatTheProviderAskedFor()
    {
        var asked = TimeSpan.FromSeconds(45);

        var delays = Enumerable.Range(0, 200).Select(i => SweepSupport.Backoff(TimeSpan.FromSeconds(1), i % 5, TimeSpan.FromSeconds(30), asked));

        Assert.All(delays, d => Assert.Equal(asked, d));
    }
}

/// <summary>
/// The poll and submit sweeps on a fake clock (set-up shared by the classes below) against the real local provider over HTTP: when each render is
/// looked at next follows the provider's hints (openai-poll-after-ms, Retry-After), the backoff, and the deadline.
/// </summary>
public abstract class FakeClockSweepsBase : RenderingTestBase
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    protected virtual int ProviderPollAfterMs => 0;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        // The provider keeps each job in progress far longer than the test: only the fake clock moves the sweeps.
        ["LocalProvider:RenderSecondsPerVideoSecond"] = "200",
        ["LocalProvider:PollAfterMs"] = ProviderPollAfterMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Rendering:PollMinInterval"] = "00:00:01",
        ["Rendering:PollMaxInterval"] = "00:00:10",
        ["Rendering:SubmitRetryDelay"] = "00:00:01",
        ["Rendering:RenderTimeout"] = "00:10:00",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton(sp => new SweepSupport(sp.GetRequiredService<IRenderNotifier>(), clock,
            sp.GetRequiredService<ILogger<SweepSupport>>())));

    protected DateTime Now => clock.GetUtcNow().UtcDateTime;
    protected FakeTimeProvider Clock => clock;

    protected Task<int> SubmitAsync() => WithServiceAsync<RenderSubmitter, int>(s => s.RunOnceAsync());
    protected Task<int> PollAsync() => WithServiceAsync<RenderPoller, int>(s => s.RunOnceAsync());
    protected async Task<RenderRequest> RowAsync(Guid id) => Assert.Single(await RowsAsync([id]));

    /// <summary>A request the provider has accepted and is rendering, on the fake clock.</summary>
    protected async Task<RenderRequest> RenderingAsync(string prompt)
    {
        var id = await QueuedAsync(prompt);
        clock.Advance(TimeSpan.FromMinutes(1)); // past the request's real creation time
        Assert.Equal(1, await SubmitAsync());
        var row = await RowAsync(id);
        Assert.Equal(RenderState.Rendering, row.State);
        return row;
    }
}

/// <summary>Backoff, Retry-After and the deadline with a provider that gives no poll hint.</summary>
public sealed class PollBackoffTests : FakeClockSweepsBase
{
    [Fact]
    public async Task Poll_WithoutAHint_BacksOffExponentially_WithJitterWithinBounds_UpToTheMaximum()
    {
        var row = await RenderingAsync("a slow sunrise");
        var intervals = new List<double>();

        for (var poll = 1; poll <= 8; poll++)
        {
            Clock.Advance(row.NextAttemptAt!.Value - Now);
            Assert.Equal(1, await PollAsync());
            row = await RowAsync(row.Id);
            Assert.Equal((RenderState.Rendering, poll), (row.State, row.Polls));
            var interval = (row.NextAttemptAt!.Value - Now).TotalSeconds;
            var nominal = Math.Min(Math.Pow(1.6, poll), 10);
            Assert.InRange(interval, nominal * 0.8 - 0.001, nominal * 1.2 + 0.001);
            intervals.Add(interval);
        }
        Assert.True(intervals[4] > intervals[0] * 2);
        Assert.All(intervals, i => Assert.True(i <= 12.001));
    }

    [Fact]
    public async Task Poll_NotDueYet_IsLeftAlone_UntilItsTime()
    {
        var row = await RenderingAsync("a patient shot");
        var due = row.NextAttemptAt!.Value;

        Clock.Advance(due - Now - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await PollAsync());
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await PollAsync());
    }

    [Fact]
    public async Task Poll_HonoursRetryAfter_OnA429_AsTheEarliestNextPoll()
    {
        var row = await RenderingAsync("a crowded provider");
        Clock.Advance(row.NextAttemptAt!.Value - Now);
        App.Providers.FaultHeader = $"rate-limit=100,retry-after=25,key={Guid.NewGuid():N}";

        Assert.Equal(1, await PollAsync());
        row = await RowAsync(row.Id);

        Assert.Equal((RenderState.Rendering, 1), (row.State, row.Attempts));
        Assert.Equal(TimeSpan.FromSeconds(25), row.NextAttemptAt!.Value - Now);
        App.Providers.FaultHeader = null;
        Clock.Advance(TimeSpan.FromSeconds(24));
        Assert.Equal(0, await PollAsync());
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await PollAsync());
        Assert.Equal(0, (await RowAsync(row.Id)).Attempts);
    }

    [Fact]
    public async Task Submit_HonoursRetryAfter_OnA429_BeforeSendingAgain()
    {
        var id = await QueuedAsync("a rate-limited submission");
        Clock.Advance(TimeSpan.FromMinutes(1));
        App.Providers.FaultHeader = $"rate-limit=1,retry-after=30,key={Guid.NewGuid():N}";

        await SubmitAsync();
        var row = await RowAsync(id);

        Assert.Equal((RenderState.Submitting, 1), (row.State, row.Attempts));
        Assert.Equal(TimeSpan.FromSeconds(30), row.NextAttemptAt!.Value - Now);
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await SubmitAsync());
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await SubmitAsync());
        Assert.Equal(RenderState.Rendering, (await RowAsync(id)).State);
        Assert.Single(await ProviderJobsAsync("a rate-limited submission"));
    }

    [Fact]
    public async Task Poll_PastTheDeadline_FailsTheRenderAsTimedOut_WithoutAskingTheProvider()
    {
        var row = await RenderingAsync("a render that never ends");
        Assert.Equal(row.SubmittedAt!.Value + TimeSpan.FromMinutes(10), row.PollDeadline);

        Clock.Advance(row.PollDeadline!.Value - Now + TimeSpan.FromSeconds(1));
        App.Providers.FaultHeader = "server-error"; // any call to the provider now would fail differently
        Assert.Equal(1, await PollAsync());

        row = await RowAsync(row.Id);
        Assert.Equal((RenderState.Failed, RenderFailureReason.TimedOut), (row.State, row.FailureReason));
        Assert.Contains("did not finish the render within", row.ProviderMessage);
        Assert.StartsWith("timed_out:", row.Events.OrderBy(e => e.Id).Last().Message);
    }
}

/// <summary>A provider that asks for a poll every 7 s (openai-poll-after-ms): longer than the backoff, so it wins.</summary>
public sealed class PollAfterHintTests : FakeClockSweepsBase
{
    protected override int ProviderPollAfterMs => 7000;

    [Fact]
    public async Task Poll_HonoursOpenAiPollAfterMs_WhenItIsLongerThanTheBackoff()
    {
        var row = await RenderingAsync("a provider with a hint");
        Assert.Equal(TimeSpan.FromSeconds(7), row.NextAttemptAt!.Value - Now);

        for (var poll = 1; poll <= 3; poll++)
        {
            Clock.Advance(row.NextAttemptAt!.Value - Now);
            Assert.Equal(1, await PollAsync());
            row = await RowAsync(row.Id);
            Assert.Equal(TimeSpan.FromSeconds(7), row.NextAttemptAt!.Value - Now); // backoff here is at most 1.2 x 4.1 s
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Providers.OpenAiCompatible;

namespace VideoHub.Tests.Providers.Infrastructure;

/// <summary>
/// The local provider on its own loopback port with a fresh folder, tuned for quick tests (no emulated pacing,
/// ultrafast x264), plus a real openai-compatible client pointed at it.
/// </summary>
public class LocalProviderServer : IAsyncLifetime
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "videohub-tests", "local-provider-" + Guid.NewGuid().ToString("N"));
    public LocalProviderHost Host { get; private set; } = null!;
    public OpenAiCompatibleClient Client { get; private set; } = null!;

    /// <summary>Settings over the quick defaults; subclasses add theirs.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public static Dictionary<string, string?> QuickSettings() => new()
    {
        ["LocalProvider:RenderSecondsPerVideoSecond"] = "0",
        ["LocalProvider:QueuedDelay"] = "00:00:00",
        ["LocalProvider:ProgressInterval"] = "00:00:00.050",
        ["LocalProvider:PollAfterMs"] = "100",
        ["LocalProvider:Preset"] = "ultrafast",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public LocalProviderStore Store => Host.Services.GetRequiredService<LocalProviderStore>();

    public async Task InitializeAsync()
    {
        var settings = QuickSettings();
        foreach (var (key, value) in Settings) settings[key] = value;
        Host = await LocalProviderHost.StartAsync(DataPath, settings);
        Client = TestClients.Create(Host.BaseUrl, Host.ApiKey);
    }

    /// <summary>A client sending extra headers (e.g. the fault header) with every request.</summary>
    public OpenAiCompatibleClient ClientWith(string header, string value, Action<ProviderHttpOptions>? options = null) =>
        TestClients.Create(Host.BaseUrl, Host.ApiKey, options, new Dictionary<string, string> { [header] = value });

    public OpenAiCompatibleClient FaultyClient(string faults, Action<ProviderHttpOptions>? options = null) =>
        ClientWith(LocalFaults.Header, faults, options);

    public async Task<ProviderVideo> CompletedVideoAsync(VideoCreateRequest request)
    {
        var created = (await Client.CreateVideoAsync(request)).GetValueOrThrow();
        return await Polling.UntilTerminalAsync(Client, created.Id);
    }

    /// <summary>A failed job, made without rendering (the "fail" fault).</summary>
    public async Task<string> CompletedFailedVideoAsync()
    {
        var created = (await FaultyClient("fail").CreateVideoAsync(new VideoCreateRequest("will fail"))).GetValueOrThrow();
        return (await Polling.UntilTerminalAsync(Client, created.Id)).Id;
    }

    /// <summary>
    /// A completed job written straight into the provider's store (no files): for limit checks that only read the
    /// record, such as a video already extended six times.
    /// </summary>
    public string SeedCompletedJob(int seconds, int extensions)
    {
        var now = DateTimeOffset.UtcNow;
        var job = new LocalJob
        {
            Id = LocalProviderStore.NewId("video_"), Model = "sora-2", Prompt = "seeded", Size = "1280x720", Seconds = seconds,
            Extensions = extensions, Status = LocalStatus.Completed, Progress = 100, CreatedAt = now, CompletedAt = now,
            ExpiresAt = now.AddHours(1),
        };
        Store.Jobs.Put(job);
        return job.Id;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { /* a file may still be closing */ }
    }
}

/// <summary>A local provider with extra settings, for a test that starts and disposes it itself.</summary>
public sealed class ConfiguredLocalProviderServer(IDictionary<string, string?> settings) : LocalProviderServer, IAsyncDisposable
{
    protected override IDictionary<string, string?> Settings => settings;

    /// <summary>Jobs take 2 wall seconds per video second, so they stay unfinished for a while.</summary>
    public static ConfiguredLocalProviderServer Paced(double secondsPerVideoSecond = 2) => new(new Dictionary<string, string?>
    {
        ["LocalProvider:RenderSecondsPerVideoSecond"] = secondsPerVideoSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}

/// <summary>Real clients built the way the app builds them (named HttpClients with the resilience pipelines).</summary>
public static class TestClients
{
    public static OpenAiCompatibleClient Create(Uri baseUrl, string? apiKey, Action<ProviderHttpOptions>? configure = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOpenAiCompatibleClient();
        services.Configure<ProviderHttpOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.ApiTotalTimeout = TimeSpan.FromSeconds(20);
            o.ApiAttemptTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        var factory = services.BuildServiceProvider().GetRequiredService<OpenAiCompatibleClientFactory>();
        return factory.Create(new OpenAiEndpoint("test", baseUrl, apiKey) { Headers = headers ?? new Dictionary<string, string>() });
    }
}

public static class Polling
{
    /// <summary>Polls until the job is completed or failed; the deadline only guards against a hang.</summary>
    public static async Task<ProviderVideo> UntilTerminalAsync(IVideoProvider client, string videoId, Action<ProviderVideo>? seen = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var video = (await client.GetVideoAsync(videoId, deadline.Token)).GetValueOrThrow();
            seen?.Invoke(video);
            if (video.IsTerminal) return video;
            await Task.Delay(50, deadline.Token);
        }
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            await Task.Delay(50, deadline.Token);
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Providers.Local;
using VideoHub.Providers.OpenAiCompatible;

namespace VideoHub.Bench;

/// <summary>A local provider on a loopback port plus a real client, as the app would use them.</summary>
public static class BenchProvider
{
    public static string TempFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "videohub-bench", name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static Task<LocalProviderHost> StartAsync(string folder) => LocalProviderHost.StartAsync(folder, new Dictionary<string, string?>
    {
        ["LocalProvider:RenderSecondsPerVideoSecond"] = "0",
        ["LocalProvider:QueuedDelay"] = "00:00:00",
        ["LocalProvider:ProgressInterval"] = "00:00:00.050",
        ["LocalProvider:Preset"] = Environment.GetEnvironmentVariable("BENCH_PRESET") ?? "ultrafast",
        ["Logging:LogLevel:Default"] = "Warning",
    });

    public static OpenAiCompatibleClient Client(LocalProviderHost host)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOpenAiCompatibleClient();
        return services.BuildServiceProvider().GetRequiredService<OpenAiCompatibleClientFactory>()
            .Create(new OpenAiEndpoint("bench", host.BaseUrl, host.ApiKey));
    }
}

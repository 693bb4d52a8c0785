using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoHub.Data;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Tests.Infrastructure;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Features.Rendering.Infrastructure;

/// <summary>
/// The real app on a real loopback port (so its mounted local provider is reached over HTTP), on a data folder the
/// test chooses so a second app can start on the same folder after the first one stopped. The scheduler is off:
/// tests run the sweeps themselves. Provider calls go through <see cref="ScriptedProviders"/> to inject faults.
/// </summary>
public sealed class RenderingApp(string dataPath, IDictionary<string, string?>? extra = null,
    Action<IServiceCollection>? services = null) : VideoHubFactory
{
    public string SharedDataPath { get; } = dataPath;
    public ScriptedProviders Providers => Services.GetRequiredService<ScriptedProviders>();

    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "videohub-tests", "rendering-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings
    {
        get
        {
            var settings = LocalProviderServer.QuickSettings().Where(s => s.Key.StartsWith("LocalProvider:", StringComparison.Ordinal))
                .ToDictionary(s => s.Key, s => s.Value);
            settings["Rendering:SchedulerEnabled"] = "false";
            settings["Rendering:SubmitRetryDelay"] = "00:00:00.200";
            settings["Rendering:PollMinInterval"] = "00:00:00.050";
            settings["Rendering:PollMaxInterval"] = "00:00:00.300";
            settings["Rendering:DownloadRetryDelay"] = "00:00:00.100";
            settings["ProviderHttp:RetryBaseDelay"] = "00:00:00.050";
            settings["Logging:LogLevel:Default"] = "Warning";
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Data:Path", SharedDataPath);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<ScriptedProviders>();
            s.Replace(ServiceDescriptor.Singleton<IRenderProviders>(sp => sp.GetRequiredService<ScriptedProviders>()));
            services?.Invoke(s);
        });
    }

    public RenderingApp Start()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        return this;
    }

    public async Task<T> DbAsync<T>(Func<VideoHubDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<VideoHubDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static void DeleteFolder(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { /* a file may still be closing */ }
    }
}

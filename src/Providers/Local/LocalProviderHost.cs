using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VideoHub.Providers.Local;

/// <summary>
/// The local provider on its own Kestrel at 127.0.0.1 (port 0 = any free port), serving the same endpoints at /v1:
/// for tests, the SDK compatibility check and the benchmark. <see cref="BaseUrl"/> is what a client points at.
/// </summary>
public sealed class LocalProviderHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalProviderHost(WebApplication app, Uri baseUrl) { this.app = app; BaseUrl = baseUrl; }

    public Uri BaseUrl { get; }
    public IServiceProvider Services => app.Services;
    public string ApiKey => app.Services.GetRequiredService<LocalProviderKey>().Value;

    /// <param name="settings">LocalProvider:* settings (and Logging:*), as configuration keys.</param>
    public static async Task<LocalProviderHost> StartAsync(string dataPath, IDictionary<string, string?>? settings = null,
        int port = 0, Action<IServiceCollection>? services = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        builder.Services.AddLocalProvider(_ => dataPath);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapLocalProvider("/v1");
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalProviderHost(app, new Uri(address.TrimEnd('/') + "/v1"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

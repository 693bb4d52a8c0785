using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VideoHub.Features.Admin.Health;
using VideoHub.Hosting;
using VideoHub.Tests.Infrastructure;

namespace VideoHub.Tests.Features.Admin;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly VideoHubFactory healthy = new();

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Raw)> GetHealthAsync(VideoHubFactory factory)
    {
        // A user exists, as on any installed system (a fresh install may send everything else to first-run setup).
        await factory.CreateUserAsync($"someone-{Guid.NewGuid():N}@example.com");
        var response = await factory.AnonymousClient().GetAsync("/healthz");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }

    [Fact]
    public async Task Healthz_WhenEverythingWorks_Returns200_WithThreeHealthyChecks_AndFfmpegVersions()
    {
        var (status, body, raw) = await GetHealthAsync(healthy);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal(["database", "storage", "ffmpeg"], checks.EnumerateObject().Select(c => c.Name));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        Assert.Equal(0, checks.GetProperty("database").GetProperty("data").GetProperty("pendingMigrations").GetInt32());
        var tools = checks.GetProperty("ffmpeg").GetProperty("data");
        Assert.Matches(@"^\d+\.\d+", tools.GetProperty("ffmpeg").GetString());
        Assert.Matches(@"^\d+\.\d+", tools.GetProperty("ffprobe").GetString());
        // Anonymous callers learn nothing about where the data lives.
        Assert.DoesNotContain(healthy.DataPath, raw);
    }

    [Fact]
    public async Task Healthz_WhenTheDataFolderIsAFile_Returns503_AndNamesTheStorageCheck()
    {
        using var broken = new DataFolderIsAFileFactory();

        var (status, body, raw) = await GetHealthAsync(broken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("The data folder is a file, not a folder.", checks.GetProperty("storage").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("ffmpeg").GetProperty("status").GetString());
        Assert.DoesNotContain(broken.FilePath, raw);
    }

    [Fact]
    public async Task StorageCheck_WritesAndDeletesAProbeFile_InTheRealDataFolder()
    {
        _ = healthy.Server;
        var check = ActivatorUtilities.CreateInstance<StorageHealthCheck>(healthy.Services);
        var before = Directory.GetFiles(healthy.DataPath);

        var result = await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("storage", check, HealthStatus.Unhealthy, null),
        });

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.True((long)result.Data["freeBytes"] > 0);
        Assert.Equal(before, Directory.GetFiles(healthy.DataPath));
    }

    public void Dispose() => healthy.Dispose();

    /// <summary>
    /// The storage check is pointed at a path that is a regular file. Tests run as root, which chmod cannot stop, but
    /// nobody can create a file inside a file. The database keeps its own (working) folder.
    /// </summary>
    private sealed class DataFolderIsAFileFactory : VideoHubFactory
    {
        public string FilePath { get; } = Path.Combine(Path.GetTempPath(), "videohub-tests", $"not-a-folder-{Guid.NewGuid():N}");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(FilePath, "a file where the data folder should be");
            builder.ConfigureTestServices(services => services.Configure<HealthCheckServiceOptions>(o =>
            {
                var storage = o.Registrations.Single(r => r.Name == "storage");
                o.Registrations.Remove(storage);
                o.Registrations.Add(new HealthCheckRegistration(storage.Name,
                    _ => new StorageHealthCheck(Options.Create(new DataOptions { FullPath = FilePath })),
                    storage.FailureStatus, storage.Tags, storage.Timeout));
            }));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(FilePath);
        }
    }
}

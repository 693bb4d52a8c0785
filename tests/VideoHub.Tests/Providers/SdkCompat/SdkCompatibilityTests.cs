using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.SdkCompat;

/// <summary>
/// The official `openai` npm package, unchanged, against the local provider on a loopback port: videos create
/// (with an image upload and a character), retrieve, list, download, remix, extend, edit, characters, delete and
/// the error envelope. The package is installed by the test project's build (npm ci, see VideoHub.Tests.csproj).
/// </summary>
public sealed class SdkCompatibilityTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    private static readonly string Folder = typeof(SdkCompatibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SdkCompatDir").Value!;

    [Fact]
    public async Task OfficialNodeSdk_DrivesEveryVideoOperation_AgainstTheLocalProvider()
    {
        Assert.True(File.Exists(Path.Combine(Folder, "node_modules", "openai", "package.json")),
            "The openai npm package is not installed. Install Node.js 20+ with npm and rebuild the test project " +
            "(its RestoreSdkCompatPackages target runs `npm ci` in " + Folder + ").");
        var clip = await MediaFiles.ClipAsync(3);
        var image = await MediaFiles.ImageAsync(1280, 720);

        var (exit, output, errors) = await RunNodeAsync(new Dictionary<string, string>
        {
            ["VIDEOHUB_BASE_URL"] = server.Host.BaseUrl.ToString(),
            ["VIDEOHUB_API_KEY"] = server.Host.ApiKey,
            ["VIDEOHUB_CLIP"] = clip,
            ["VIDEOHUB_IMAGE"] = image,
        });

        Assert.True(exit == 0, $"node script.mjs exited with {exit}:\n{errors}\n{output}");
        var report = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        foreach (var step in new[] { "characters", "create", "list", "download", "remix", "extend", "edit", "delete", "error" })
            Assert.True(report.TryGetProperty(step, out _), $"step {step} missing from {output}");
        var created = server.Store.Jobs.Get(report.GetProperty("create").GetString()!)!;
        Assert.Equal(["Mossy"], created.CharacterNames);
        Assert.NotNull(created.InputImage);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunNodeAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", "script.mjs")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("Node.js is not installed (no `node` on PATH); the SDK compatibility test needs Node.js 20+.");
        }
        using (process)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var errors = process.StandardError.ReadToEndAsync(deadline.Token);
            try { await process.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
            return (process.ExitCode, await output, await errors);
        }
    }
}

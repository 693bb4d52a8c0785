using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VideoHub.Features.Admin.Health;

namespace VideoHub.Tests.Features.Admin;

public sealed class MediaToolProbeTests
{
    [Fact]
    public async Task Probe_OfInstalledFfmpeg_ReadsItsVersion()
    {
        var version = await MediaToolProbe.ProbeAsync("ffmpeg", "ffmpeg", MediaToolProbe.Timeout, CancellationToken.None);

        Assert.True(version.Ok, version.Problem);
        Assert.Matches(@"^\d+\.\d+", version.Version);
    }

    [Fact]
    public async Task Probe_OfMissingTool_SaysItWasNotFound()
    {
        var version = await MediaToolProbe.ProbeAsync("ffmpeg", "/nonexistent/bin/ffmpeg", MediaToolProbe.Timeout, CancellationToken.None);

        Assert.False(version.Ok);
        Assert.Null(version.Version);
        Assert.Equal("ffmpeg was not found. Install Debian's ffmpeg package.", version.Problem);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Probe_OfToolThatNeverAnswers_GivesUpAtTheTimeout_AndSaysSo()
    {
        var script = Path.Combine(Path.GetTempPath(), $"hangs-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nexec sleep 60\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var version = await MediaToolProbe.ProbeAsync("ffprobe", script, TimeSpan.FromMilliseconds(300), CancellationToken.None);

            Assert.False(version.Ok);
            Assert.Equal("ffprobe did not answer within 0.3 s.", version.Problem);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task GetAsync_RemembersVersionsUntilTheCacheExpires_OrUntilForget()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-05-01T08:00:00Z"));
        var probe = new MediaToolProbe(clock, NullLogger<MediaToolProbe>.Instance);

        var first = await probe.GetAsync();
        clock.Advance(MediaToolProbe.CacheFor - TimeSpan.FromSeconds(1));
        var cached = await probe.GetAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        var expired = await probe.GetAsync();
        probe.Forget();
        var forgotten = await probe.GetAsync();

        Assert.Equal(["ffmpeg", "ffprobe"], first.Select(v => v.Tool));
        Assert.All(first, v => Assert.True(v.Ok, v.Problem));
        Assert.Same(first, cached);
        Assert.NotSame(first, expired);
        Assert.NotSame(expired, forgotten);
        Assert.Equal(first, expired);
    }
}

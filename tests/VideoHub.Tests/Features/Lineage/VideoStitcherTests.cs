using FFMpegCore;
using Microsoft.Extensions.Logging.Abstractions;
using VideoHub.Features.Lineage.Stitching;
using VideoHub.Media;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Features.Lineage;

/// <summary>Joining clips with ffmpeg: a stream copy when encodings match, a re-encode otherwise; the length is always the sum.</summary>
public sealed class VideoStitcherTests
{
    private readonly VideoStitcher stitcher = new(new MediaProbe(NullLogger<MediaProbe>.Instance), NullLogger<VideoStitcher>.Instance);

    [Fact]
    public async Task MatchingClips_AreStreamCopied_AndTheJoinedLengthIsTheSum()
    {
        var a = await MediaFiles.ClipAsync(4);
        var b = await MediaFiles.ClipAsync(3);
        var output = Path.Combine(MediaFiles.TempFolder(), "joined.mp4");

        var joined = await stitcher.JoinAsync([a, b], output, CancellationToken.None);

        Assert.NotNull(joined);
        Assert.True(joined.StreamCopied);
        var sum = await MediaFiles.SecondsAsync(a) + await MediaFiles.SecondsAsync(b);
        Assert.InRange(await MediaFiles.SecondsAsync(output), sum - 0.1, sum + 0.1);
        Assert.Equal(new FileInfo(output).Length, joined.Bytes);
    }

    [Fact]
    public async Task ClipsOfDifferentSizes_AreReEncoded_ToTheFirstSize_AndTheJoinedLengthIsTheSum()
    {
        var a = await MediaFiles.ClipAsync(4, "1280x720");
        var b = await MediaFiles.ClipAsync(2, "720x1280");
        var output = Path.Combine(MediaFiles.TempFolder(), "joined.mp4");

        var joined = await stitcher.JoinAsync([a, b], output, CancellationToken.None);

        Assert.NotNull(joined);
        Assert.False(joined.StreamCopied);
        var probed = await FFProbe.AnalyseAsync(output);
        Assert.Equal((1280, 720), (probed.PrimaryVideoStream!.Width, probed.PrimaryVideoStream.Height));
        var sum = await MediaFiles.SecondsAsync(a) + await MediaFiles.SecondsAsync(b);
        Assert.InRange(probed.Duration.TotalSeconds, sum - 0.1, sum + 0.1);
    }
}

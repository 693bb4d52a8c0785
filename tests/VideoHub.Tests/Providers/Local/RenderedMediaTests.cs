using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.Local;

/// <summary>ffprobe checks of what the local provider renders: exact size, length within 0.1 s, H.264 and AAC.</summary>
public sealed class RenderedMediaTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Theory]
    [InlineData("sora-2", "1280x720", 1280, 720)]
    [InlineData("sora-2", "720x1280", 720, 1280)]
    [InlineData("sora-2-pro", "1920x1080", 1920, 1080)]
    public async Task RenderedVideo_HasExactlyTheRequestedSizeAndLength_WithH264AndAac(string model, string size, int width, int height)
    {
        var video = await server.CompletedVideoAsync(new VideoCreateRequest($"probe {size}") { Model = model, Size = size, Seconds = 4 });
        var path = await DownloadAsync(video.Id, ContentVariant.Video, ".mp4");

        var probe = await MediaFiles.ProbeAsync(path);

        Assert.Equal((width, height), (probe.PrimaryVideoStream!.Width, probe.PrimaryVideoStream.Height));
        Assert.InRange(probe.Duration.TotalSeconds, 3.9, 4.1);
        Assert.Equal("h264", probe.PrimaryVideoStream.CodecName);
        Assert.Equal("aac", probe.PrimaryAudioStream!.CodecName);

        var thumbnail = await MediaFiles.ProbeAsync(await DownloadAsync(video.Id, ContentVariant.Thumbnail, ".webp"));
        Assert.Equal(("webp", width, height), (thumbnail.PrimaryVideoStream!.CodecName, thumbnail.PrimaryVideoStream.Width, thumbnail.PrimaryVideoStream.Height));
        var sprite = await MediaFiles.ProbeAsync(await DownloadAsync(video.Id, ContentVariant.Spritesheet, ".jpg"));
        Assert.Equal(("mjpeg", 5 * 256), (sprite.PrimaryVideoStream!.CodecName, sprite.PrimaryVideoStream.Width));
    }

    private async Task<string> DownloadAsync(string videoId, ContentVariant variant, string extension)
    {
        var path = Path.Combine(MediaFiles.TempFolder(), variant + extension);
        await using var file = File.Create(path);
        (await server.Client.DownloadContentAsync(videoId, variant, file)).GetValueOrThrow();
        return path;
    }
}

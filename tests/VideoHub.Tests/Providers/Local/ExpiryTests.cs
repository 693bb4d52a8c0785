using Microsoft.Extensions.Logging.Abstractions;
using VideoHub.Providers;
using VideoHub.Providers.Local;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.Local;

/// <summary>Content expires like the real service's: downloads answer 404, housekeeping frees the disk, the record stays.</summary>
public sealed class ExpiryTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Fact]
    public async Task ExpiredVideo_CannotBeDownloadedOrExtended_AndHousekeepingDeletesItsFilesButKeepsTheJob()
    {
        var id = server.SeedCompletedJob(seconds: 4, extensions: 0);
        server.Store.Jobs.Update(id, j => j with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        var media = server.Store.Paths.Media(id);
        Directory.CreateDirectory(media);
        await File.WriteAllBytesAsync(Path.Combine(media, LocalRenderer.VideoFile), new byte[100]);

        var download = await server.Client.DownloadContentAsync(id, ContentVariant.Video, Stream.Null);
        Assert.Equal(ProviderErrorKind.NotFound, download.Error!.Kind);
        Assert.Contains("expired", download.Error.Message);
        var extend = await server.Client.ExtendVideoAsync(new VideoExtendRequest(id, "more", 4));
        Assert.Equal("video_expired", extend.Error!.Code);

        LocalHousekeeping.DeleteExpiredMedia(server.Store, DateTimeOffset.UtcNow, NullLogger.Instance);

        Assert.False(Directory.Exists(media));
        Assert.Equal(ProviderVideoStatus.Completed, (await server.Client.GetVideoAsync(id)).GetValueOrThrow().Status);
    }
}

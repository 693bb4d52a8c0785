using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Review;
using VideoHub.Features.Gallery;
using VideoHub.Features.Gallery.Export;
using VideoHub.Tests.Infrastructure;
using VideoHub.Tests.Media;

namespace VideoHub.Tests.Features.Gallery;

/// <summary>GET /gallery/download: a zip made while it streams, with a manifest of prompts, parameters, decisions and checksums.</summary>
public sealed class GalleryExportTests : IAsyncLifetime
{
    private readonly GalleryWorld world = new();

    public Task InitializeAsync() => world.InitializeAsync();
    public Task DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task ASelection_DownloadsAsAZip_WithTheFilesAndAManifestThatMatchesThem()
    {
        var first = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectA, world.Owner.UserId, [1, 2, 3, 4, 5], [0xFF, 0xD8]);
        var second = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectA, world.Owner.UserId, [9, 8, 7], [0xFF, 0xD8]);
        await using (var db = await world.DbAsync())
        {
            db.ReviewDecisions.Add(new ReviewDecision { VideoId = first.Id, ProjectId = world.ProjectA, ReviewerId = world.Owner.UserId, ReviewerName = "Rita",
                Verdict = ReviewVerdict.RequestChanges, Note = "=HYPERLINK(\"x\"), more light", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var client = await world.Factory.SignedInClientAsync("viewer@example.com");

        var response = await client.GetAsync(GalleryDownload.UrlFor([first.Id, second.Id]), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength); // streamed while made, not buffered
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal([$"001-{first.Id:N}.mp4", $"002-{second.Id:N}.mp4", "manifest.json", "manifest.csv"], zip.Entries.Select(e => e.FullName));
        var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
        foreach (var entry in manifest.EnumerateArray())
        {
            using var file = zip.GetEntry(entry.GetProperty("file").GetString()!)!.Open();
            var hash = Convert.ToHexStringLower(SHA256.HashData(file));
            Assert.Equal(hash, entry.GetProperty("sha256").GetString());
            Assert.Equal(hash, entry.GetProperty("storedSha256").GetString());
            Assert.Equal("seeded", entry.GetProperty("prompt").GetString());
        }
        Assert.Equal("RequestChanges", manifest[0].GetProperty("decisions")[0].GetProperty("verdict").GetString());
        var csv = new StreamReader(zip.GetEntry("manifest.csv")!.Open()).ReadToEnd();
        Assert.Contains("Rita: RequestChanges - =HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Fact]
    public async Task ASelectionWithATakeTheUserMayNotSee_Or_Nonsense_Is404()
    {
        var mine = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectA, world.Owner.UserId, [1], [0xFF]);
        var notMine = await TakeSeeder.SeedAsync(world.Factory.Services, world.ProjectB, world.Owner.UserId, [2], [0xFF]);
        var client = await world.Factory.SignedInClientAsync("viewer@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(GalleryDownload.UrlFor([mine.Id, notMine.Id]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/gallery/download?ids=../../etc/passwd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(GalleryDownload.UrlFor(Enumerable.Range(0, 201).Select(_ => mine.Id)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(GalleryDownload.UrlFor([mine.Id]))).StatusCode);
    }

    [Fact]
    public void CsvCells_AreQuoted_AndFormulaeDefused()
    {
        Assert.Equal("plain", ManifestCsv.Cell("plain"));
        Assert.Equal("\"a, \"\"b\"\"\"", ManifestCsv.Cell("a, \"b\""));
        Assert.Equal("'=1+1", ManifestCsv.Cell("=1+1"));
        Assert.Equal("'@cmd", ManifestCsv.Cell("@cmd"));
    }
}

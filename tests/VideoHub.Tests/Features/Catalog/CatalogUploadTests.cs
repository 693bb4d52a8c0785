using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Catalog;
using VideoHub.Features.Catalog.Clips;

namespace VideoHub.Tests.Features.Catalog;

/// <summary>Source clip uploads: every bad input is refused with a clear message and leaves nothing on disk or in the database.</summary>
public sealed class CatalogUploadTests : CatalogTestBase
{
    [Fact]
    public async Task Stage_TextFileRenamedMp4_IsRefusedAndLeavesNothingOnDisk()
    {
        Directory.CreateDirectory(ClipFolder);
        var path = Path.Combine(ClipFolder, "notes.mp4");
        await File.WriteAllTextAsync(path, "These are my notes, not a video at all.");
        var result = await StageFileAsync(Editor, path);
        Assert.Null(result.Clip);
        Assert.Contains("not a video", result.Error);
        Assert.Equal(0, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Stage_WrongExtension_IsRefused()
    {
        var result = await StageFileAsync(Editor, await TestClips.VideoAsync(ClipFolder, 1280, 720, 3), "clip.gif");
        Assert.Equal("Upload an MP4, MOV or WebM video clip.", result.Error);
        Assert.Equal(0, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Stage_FileOverTheSizeLimit_IsRefusedWhileStreaming()
    {
        Directory.CreateDirectory(ClipFolder);
        var path = Path.Combine(ClipFolder, "big.mp4");
        await File.WriteAllBytesAsync(path, new byte[8_000_001]);
        var result = await StageFileAsync(Editor, path);
        Assert.Contains("larger than the 7.6 MB limit", result.Error);
        Assert.Equal(0, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Stage_ClipLongerThanTheLimit_IsRefused()
    {
        var result = await StageFileAsync(Editor, await TestClips.VideoAsync(ClipFolder, 320, 180, 12));
        Assert.Contains("longer than 10 s are not accepted", result.Error);
        Assert.Equal(0, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Stage_ClipShorterThanTwoSeconds_IsRefused()
    {
        var result = await StageFileAsync(Editor, await TestClips.VideoAsync(ClipFolder, 1280, 720, 1));
        Assert.Contains("needs at least 2 s", result.Error);
        Assert.Equal(0, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Stage_FileWithoutVideoStream_IsRefused()
    {
        var result = await StageFileAsync(Editor, await TestClips.AudioOnlyAsync(ClipFolder));
        Assert.Contains("has no video stream", result.Error);
        Assert.Equal(0, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Stage_ClipWithinGuidance_HasNoIssues()
    {
        var clip = await StageGoodClipAsync(Editor, 720, 1280, 3);
        Assert.True(clip.WithinGuidance);
        Assert.Equal(720, clip.Facts.Width);
    }

    [Fact]
    public async Task Stage_ClipOutsideGuidance_SaysWhy_AndTheConfirmedFixMakesItFit()
    {
        var staged = await StageFileAsync(Editor, await TestClips.VideoAsync(ClipFolder, 640, 480, 6, ".webm"));
        var clip = staged.Clip!;
        Assert.Equal([ClipIssueKind.TooLong, ClipIssueKind.Aspect, ClipIssueKind.Resolution], clip.Issues.Select(i => i.Kind));
        Assert.Contains("6 s long", clip.Issues[0].Message);
        Assert.Equal("1280x720", clip.FixTarget.Size);

        var outside = await CatalogAsync(s => s.CreateAsync(Editor, NewItem("Unfixed", clip.Token)));
        Assert.Contains("outside the provider guidance", outside.Error);

        var tooLong = await Staging.FixAsync(Editor, clip.Token, new ClipFix(1, 5, ClipFit.Crop));
        Assert.Equal("Keep between 2 and 4 seconds.", tooLong.Error);

        var fixedClip = (await Staging.FixAsync(Editor, clip.Token, new ClipFix(1, 3, ClipFit.Crop))).Clip!;
        Assert.True(fixedClip.WithinGuidance, string.Join(" ", fixedClip.Issues.Select(i => i.Message)));
        Assert.True(fixedClip.WasFixed);
        Assert.InRange(fixedClip.Facts.DurationSeconds, 2.9, 3.1);
        Assert.Equal("1280x720", fixedClip.Facts.Size);
        Assert.Equal(1, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Create_StoresClipAndPoster_WithPendingRegistration_RightsHistory_AndAudit()
    {
        var clip = await StageGoodClipAsync(Editor);
        var created = await CatalogAsync(s => s.CreateAsync(Editor, NewItem("Nova", clip.Token)));
        Assert.True(created.Succeeded, created.Error);

        var item = await DbAsync(db => db.CatalogItems.Include(i => i.Versions).ThenInclude(v => v.Registrations).SingleAsync());
        Assert.Equal("|hero|robot|", item.Tags);
        var version = Assert.Single(item.Versions);
        Assert.Equal(item.CurrentVersionId, version.Id);
        Assert.Equal(64, version.Sha256.Length);
        Assert.NotEmpty(version.PosterKey);
        Assert.Equal(2, FilesUnder(MediaCatalogFolder));
        var registration = Assert.Single(version.Registrations);
        Assert.Equal(("local", CatalogRegistrationStatus.Pending), (registration.ProviderId, registration.Status));
        Assert.Equal(1, await DbAsync(db => db.CatalogRightsChanges.CountAsync()));
        Assert.True(await DbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.CatalogItemCreated && a.EntityId == item.Id.ToString())));
        Assert.Equal(0, FilesUnder(Staging.Folder));
    }

    [Fact]
    public async Task Create_WithDuplicateNameInOtherCase_ShowsErrorAndStoresNothing()
    {
        var first = await StageGoodClipAsync(Editor);
        Assert.True((await CatalogAsync(s => s.CreateAsync(Editor, NewItem("Nova", first.Token)))).Succeeded);
        var clip = await StageGoodClipAsync(Editor);
        var result = await CatalogAsync(s => s.CreateAsync(Editor, NewItem("NOVA", clip.Token)));
        Assert.Equal("name", result.Field);
        Assert.Contains("already exists", result.Error);
        Assert.Equal(1, await DbAsync(db => db.CatalogItems.CountAsync()));
        Assert.Equal(2, FilesUnder(MediaCatalogFolder));
    }

    [Theory]
    [InlineData("Nova!")]
    [InlineData("@Nova")]
    [InlineData("Nova  Prime")]
    [InlineData("Nova.")]
    [InlineData("Nova\"s")]
    [InlineData("")]
    public async Task Create_WithNameAPromptCannotCarry_IsRefusedAndStoresNothing(string name)
    {
        var clip = await StageGoodClipAsync(Editor);
        var result = await CatalogAsync(s => s.CreateAsync(Editor, NewItem(name, clip.Token)));
        Assert.Equal("name", result.Field);
        Assert.Equal(0, await DbAsync(db => db.CatalogItems.CountAsync()));
        Assert.Equal(0, FilesUnder(MediaCatalogFolder));
    }

    [Theory]
    [InlineData("Nova Prime")]
    [InlineData("R2-Unit_7")]
    [InlineData("Zoë d'Arc")]
    public void NameRule_AcceptsLettersDigitsSpacesHyphensUnderscoresApostrophes(string name) =>
        Assert.Null(CatalogRules.NameProblem(name));
}

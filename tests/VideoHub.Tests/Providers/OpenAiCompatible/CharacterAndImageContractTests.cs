using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.OpenAiCompatible;

/// <summary>Characters from clips, and first-frame image references (upload, data URL, file id).</summary>
public sealed class CharacterAndImageContractTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Fact]
    public async Task CreateCharacter_FromThreeSecondClip_ReturnsIdAndName_AndRetrieveFindsIt()
    {
        var character = await CreateCharacterAsync("Mossy", 3);

        Assert.StartsWith("char_", character.Id);
        Assert.Equal("Mossy", character.Name);
        var fetched = (await server.Client.GetCharacterAsync(character.Id)).GetValueOrThrow();
        Assert.Equal(character, fetched);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task CreateCharacter_FromClipOutsideTwoToFourSeconds_IsRefused(double seconds)
    {
        await using var clip = File.OpenRead(await MediaFiles.ClipAsync(seconds));
        var result = await server.Client.CreateCharacterAsync(new CharacterCreateRequest("Pip", new UploadFile(clip, "pip.mp4", "video/mp4")));

        Assert.Equal(ProviderErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Equal(("video", "invalid_video_duration"), (result.Error.Param, result.Error.Code));
    }

    [Fact]
    public async Task CreateCharacter_FromNonVideo_IsRefused()
    {
        using var notVideo = new MemoryStream("hello"u8.ToArray());
        var result = await server.Client.CreateCharacterAsync(new CharacterCreateRequest("Pip", new UploadFile(notVideo, "pip.mp4", "video/mp4")));
        Assert.Equal(("video", "invalid_video"), (result.Error!.Param, result.Error.Code));
    }

    [Fact]
    public async Task GetCharacter_Unknown_IsNotFound()
    {
        Assert.Equal(ProviderErrorKind.NotFound, (await server.Client.GetCharacterAsync("char_nobody")).Error!.Kind);
    }

    [Fact]
    public async Task Create_MultipartWithUploadedImageAndCharacter_RendersAtTheSizeAndNamesTheCharacter()
    {
        var character = await CreateCharacterAsync("Pip", 2);
        await using var image = File.OpenRead(await MediaFiles.ImageAsync(720, 1280));

        var created = (await server.Client.CreateVideoAsync(new VideoCreateRequest("Pip waves from the meadow")
        {
            Size = "720x1280",
            ImageReference = ImageReference.FromUpload(new UploadFile(image, "first.png", "image/png")),
            CharacterIds = [character.Id],
        })).GetValueOrThrow();

        var done = await Polling.UntilTerminalAsync(server.Client, created.Id);
        Assert.Equal(ProviderVideoStatus.Completed, done.Status);
        var media = server.Store.Paths.Media(created.Id);
        Assert.Contains("characters: Pip", await File.ReadAllTextAsync(Path.Combine(media, "label.txt")));
        Assert.True(File.Exists(Path.Combine(media, "input.png")));
        var probe = await MediaFiles.ProbeAsync(Path.Combine(media, "video.mp4"));
        Assert.Equal((720, 1280), (probe.PrimaryVideoStream!.Width, probe.PrimaryVideoStream.Height));
    }

    [Fact]
    public async Task Create_WithImageOfAnotherSize_IsRefusedOnInputReference()
    {
        await using var image = File.OpenRead(await MediaFiles.ImageAsync(640, 360, ".jpg"));
        var result = await server.Client.CreateVideoAsync(new VideoCreateRequest("p")
        {
            Size = "1280x720", ImageReference = ImageReference.FromUpload(new UploadFile(image, "a.jpg", "image/jpeg")),
        });

        Assert.Equal(("input_reference", "invalid_image_size"), (result.Error!.Param, result.Error.Code));
        Assert.Contains("640x360", result.Error.Message);
    }

    [Fact]
    public async Task Create_WithImageAsDataUrlOrFileId_IsAccepted_AndAnUnknownFileIdIsNot()
    {
        var bytes = await File.ReadAllBytesAsync(await MediaFiles.ImageAsync(1280, 720, ".webp"));
        var failing = server.FaultyClient("fail"); // the image is checked on creation; no render needed
        var viaUrl = await failing.CreateVideoAsync(new VideoCreateRequest("p")
        {
            Size = "1280x720", ImageReference = ImageReference.FromUrl("data:image/webp;base64," + Convert.ToBase64String(bytes)),
        });
        Assert.True(viaUrl.IsSuccess, viaUrl.ToString());

        using var upload = new MemoryStream(bytes);
        var file = (await server.Client.UploadBatchFileAsync(new UploadFile(upload, "first.webp", "image/webp"))).GetValueOrThrow();
        var viaFile = await failing.CreateVideoAsync(new VideoCreateRequest("p") { Size = "1280x720", ImageReference = ImageReference.FromFileId(file.Id) });
        Assert.True(viaFile.IsSuccess, viaFile.ToString());

        var unknown = await failing.CreateVideoAsync(new VideoCreateRequest("p") { Size = "1280x720", ImageReference = ImageReference.FromFileId("file-nope") });
        Assert.Equal((ProviderErrorKind.NotFound, "input_reference.file_id"), (unknown.Error!.Kind, unknown.Error.Param));
    }

    private async Task<ProviderCharacter> CreateCharacterAsync(string name, double seconds)
    {
        await using var clip = File.OpenRead(await MediaFiles.ClipAsync(seconds));
        return (await server.Client.CreateCharacterAsync(new CharacterCreateRequest(name, new UploadFile(clip, "clip.mp4", "video/mp4"))))
            .GetValueOrThrow();
    }
}

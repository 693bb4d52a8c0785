using VideoHub.Media;
using System.Text;
using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;
using VideoHub.Features.Policy;
using VideoHub.Features.Requests.Components;
using VideoHub.Features.Requests.Images;
using VideoHub.Tests.Features.Policy;

namespace VideoHub.Tests.Features.Requests.Images;

/// <summary>Image references fitted to the video's size by the real ffmpeg.</summary>
public sealed class ImageFitterTests
{
    private readonly ImageFitter fitter = new(NullLogger<ImageFitter>.Instance);

    public static TheoryData<string, FitMode, string, int, int> Cases()
    {
        var data = new TheoryData<string, FitMode, string, int, int>();
        foreach (var ext in new[] { "png", "jpg", "webp" })
        foreach (var mode in new[] { FitMode.Crop, FitMode.Pad })
        {
            data.Add(ext, mode, "1280x720", 640, 640);   // square into landscape
            data.Add(ext, mode, "720x1280", 1000, 500);  // landscape into portrait
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fit_AWrongSizeImage_ComesOutAtExactlyTheVideoSize_InItsOwnFormat(string ext, FitMode mode, string size, int w, int h)
    {
        var source = ext == "png" ? TestImages.Png(w, h) : await TestImages.EncodeAsync(w, h, ext);
        var sourceType = ImageHeader.Read(source)!.ContentType;

        var result = await fitter.FitAsync(source, size, mode);

        Assert.Null(result.Error);
        var fitted = result.Image!;
        var header = ImageHeader.Read(fitted.Bytes)!;
        Assert.Equal(size, $"{header.Width}x{header.Height}");
        Assert.Equal(sourceType, header.ContentType);
        Assert.Equal(sourceType, fitted.ContentType);
        Assert.StartsWith("data:image/png;base64,", fitted.PreviewDataUrl);
        var preview = ImageHeader.Read(Convert.FromBase64String(fitted.PreviewDataUrl["data:image/png;base64,".Length..]))!;
        Assert.Equal(ImageFitter.PreviewWidth, preview.Width);
        // The fitted image passes the pre-check's image rule for this size.
        Assert.Empty(await ImageReferenceCheck.FindingsAsync(ImageReferenceInput.FromBytes(fitted.Bytes, fitted.ContentType), size, default));
    }

    [Fact]
    public async Task Fit_ARenamedTextFile_IsRefusedWithAClearMessage()
    {
        var text = Encoding.UTF8.GetBytes("This is not a picture, only text saved as picture.png\n");

        var result = await fitter.FitAsync(text, "1280x720", FitMode.Crop);

        Assert.Null(result.Image);
        Assert.Equal("The file is not a JPEG, PNG or WebP image, so it cannot be fitted.", result.Error);
    }

    [Fact]
    public async Task Fit_APngHeaderWithBrokenPixels_IsRefused_NotPassedOn()
    {
        var broken = TestImages.Png(64, 64)[..40]; // magic and header, no pixel data

        var result = await fitter.FitAsync(broken, "1280x720", FitMode.Pad);

        Assert.Null(result.Image);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task Panel_ShowsAPreview_AndHandsOverTheFittedImageOnlyWhenAccepted()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(fitter);
        var accepted = new List<ImageReferencePicker.Picked?>();
        var cut = ctx.Render<ImageFitPanel>(p => p
            .Add(x => x.Image, TestImages.Png(640, 480))
            .Add(x => x.ImageName, "storyboard.png")
            .Add(x => x.VideoSize, "1280x720")
            .Add(x => x.Accepted, (ImageReferencePicker.Picked? picked) => accepted.Add(picked)));
        Assert.Contains("The image is 640x480, but the video is 1280x720", cut.Find("#image-fit").TextContent);

        cut.Find("#fit-pad").Click();
        cut.WaitForElement("#fit-preview", TimeSpan.FromSeconds(20));

        Assert.StartsWith("data:image/png;base64,", cut.Find("#fit-preview").GetAttribute("src"));
        Assert.Contains("padded to 1280 x 720", cut.Find("#fit-caption").TextContent);
        Assert.Empty(accepted); // never a silent change
        cut.Find("#fit-accept").Click();
        var picked = Assert.Single(accepted)!;
        Assert.Equal(("image/png", "storyboard-padded-1280x720.png"), (picked.ContentType, picked.Name));
        Assert.Equal((1280, 720), (ImageHeader.Read(picked.Bytes)!.Width, ImageHeader.Read(picked.Bytes)!.Height));
    }

    [Fact]
    public async Task Panel_IsHidden_WhenTheImageAlreadyHasTheVideoSize()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(fitter);
        var cut = ctx.Render<ImageFitPanel>(p => p.Add(x => x.Image, TestImages.Png(1280, 720)).Add(x => x.VideoSize, "1280x720"));

        Assert.Empty(cut.FindAll("#image-fit"));
    }
}

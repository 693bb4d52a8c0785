using VideoHub.Domain.Policy;
using VideoHub.Features.Policy;

namespace VideoHub.Tests.Features.Policy;

public sealed class ImageReferenceCheckTests
{
    private static Task<List<PolicyFinding>> CheckAsync(byte[] bytes, string? type, string size = "1280x720") =>
        ImageReferenceCheck.FindingsAsync(ImageReferenceInput.FromBytes(bytes, type), size, CancellationToken.None);

    [Fact]
    public async Task Png_OfTheVideoSize_Passes() => Assert.Empty(await CheckAsync(TestImages.Png(1280, 720), "image/png"));

    [Fact]
    public async Task Jpeg_OfTheVideoSize_Passes() =>
        Assert.Empty(await CheckAsync(await TestImages.EncodeAsync(720, 1280, "jpg"), "image/jpeg", "720x1280"));

    [Fact]
    public async Task WebP_OfTheVideoSize_Passes() =>
        Assert.Empty(await CheckAsync(await TestImages.EncodeAsync(1280, 720, "webp"), "image/webp"));

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("webp")]
    public async Task WrongDimensions_AreBlocked_AndBothSizesAreNamed(string format)
    {
        var bytes = format == "png" ? TestImages.Png(640, 360) : await TestImages.EncodeAsync(640, 360, format);
        var f = Assert.Single(await CheckAsync(bytes, null));
        Assert.Equal(FindingSeverity.Block, f.Severity);
        Assert.Equal(FindingCategory.ImageReference, f.Category);
        Assert.Equal("The image is 640x360, but the video is 1280x720; the image reference must be exactly the video's size.", f.Message);
    }

    [Fact]
    public async Task Gif_IsRefused_ByItsBytes_WhateverTheDeclaredType()
    {
        var gif = "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray();
        var f = Assert.Single(await CheckAsync(gif, "image/png"));
        Assert.Equal("The image reference is not a JPEG, PNG or WebP image.", f.Message);
    }

    [Fact]
    public async Task DeclaredTypeDifferentFromTheBytes_IsBlocked()
    {
        var f = Assert.Single(await CheckAsync(TestImages.Png(1280, 720), "image/jpeg"));
        Assert.Equal("The file says it is image/jpeg, but its content is a PNG image.", f.Message);
    }

    [Fact]
    public async Task ImageAboveTheSizeLimit_IsBlocked()
    {
        var png = TestImages.Png(1280, 720);
        var big = new byte[ImageReferenceCheck.MaxBytes + 1];
        png.CopyTo(big, 0);
        var f = Assert.Single(await CheckAsync(big, "image/png"));
        Assert.Equal("The image is 20 MB, more than the 20 MB an image reference may have.", f.Message);
    }

    [Fact]
    public async Task ImageFromAFilePath_IsRead_AndAMissingFileIsAFinding()
    {
        var path = Path.Combine(Path.GetTempPath(), $"videohub-policy-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, TestImages.Png(1280, 720));
        try
        {
            Assert.Empty(await ImageReferenceCheck.FindingsAsync(ImageReferenceInput.FromFile(path, "image/png"), "1280x720", default));
        }
        finally
        {
            File.Delete(path);
        }
        var missing = Assert.Single(await ImageReferenceCheck.FindingsAsync(ImageReferenceInput.FromFile(path, "image/png"), "1280x720", default));
        Assert.Equal("The image reference could not be read; upload it again.", missing.Message);
    }
}

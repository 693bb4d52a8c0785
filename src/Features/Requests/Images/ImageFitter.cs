using VideoHub.Media;
using FFMpegCore;
using VideoHub.Domain.Projects;
using VideoHub.Features.Policy;

namespace VideoHub.Features.Requests.Images;

/// <summary>How an image reference is made to match the video's size.</summary>
public enum FitMode
{
    /// <summary>Scale to cover the frame, then cut off what sticks out (centred).</summary>
    Crop,
    /// <summary>Scale to fit inside the frame, then fill the rest with black bars (centred).</summary>
    Pad,
}

/// <summary>A fitted image of exactly the requested size, in its original format, with a small PNG preview.</summary>
public sealed record FittedImage(byte[] Bytes, string ContentType, string Extension, int Width, int Height, string PreviewDataUrl);

public sealed record FitResult(FittedImage? Image, string? Error)
{
    public static FitResult Fail(string error) => new(null, error);
}

/// <summary>
/// Crops or pads an image reference to the video's size with ffmpeg (FFMpegCore over the system ffmpeg). Only
/// JPEG, PNG and WebP are accepted, recognised by their bytes, never by name or declared type.
/// </summary>
public sealed class ImageFitter(ILogger<ImageFitter> log)
{
    public const int PreviewWidth = 320;

    public async Task<FitResult> FitAsync(byte[] source, string size, FitMode mode, CancellationToken ct = default)
    {
        if (source.LongLength > ImageReferenceCheck.MaxBytes)
            return FitResult.Fail($"The image is larger than {ImageReferenceCheck.MaxBytes / 1024 / 1024} MB.");
        var header = ImageHeader.Read(source);
        if (header is null) return FitResult.Fail("The file is not a JPEG, PNG or WebP image, so it cannot be fitted.");
        if (!VideoSize.TryParse(size, out var target)) return FitResult.Fail($"“{size}” is not a video size.");
        var (w, h) = (target.Value.Width, target.Value.Height);
        var (extension, encoder) = header.ContentType switch
        {
            "image/png" => (".png", "-c:v png"),
            "image/webp" => (".webp", "-c:v libwebp -quality 90"),
            _ => (".jpg", "-c:v mjpeg -q:v 2"),
        };
        var folder = Directory.CreateTempSubdirectory("videohub-fit-");
        try
        {
            var input = Path.Combine(folder.FullName, "source" + extension);
            var output = Path.Combine(folder.FullName, "fitted" + extension);
            var preview = Path.Combine(folder.FullName, "preview.png");
            await File.WriteAllBytesAsync(input, source, ct);
            var filter = mode == FitMode.Crop
                ? $"scale={w}:{h}:force_original_aspect_ratio=increase,crop={w}:{h},setsar=1"
                : $"scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1";
            if (!await RunAsync(input, output, $"-vf \"{filter}\" -frames:v 1 {encoder}", ct)
                || !await RunAsync(output, preview, $"-vf \"scale={PreviewWidth}:-2\" -frames:v 1 -c:v png", ct))
                return FitResult.Fail("The image could not be read; save it again as JPEG, PNG or WebP and upload it again.");

            var bytes = await File.ReadAllBytesAsync(output, ct);
            if (ImageHeader.Read(bytes) is not { Width: var fw, Height: var fh } || fw != w || fh != h)
                return FitResult.Fail("The fitted image did not come out at the video's size.");
            var previewUrl = "data:image/png;base64," + Convert.ToBase64String(await File.ReadAllBytesAsync(preview, ct));
            return new FitResult(new FittedImage(bytes, header.ContentType, extension, w, h, previewUrl), null);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* the temp folder is cleaned by the OS */ }
        }
    }

    private async Task<bool> RunAsync(string input, string output, string arguments, CancellationToken ct)
    {
        try
        {
            var result = await FFMpegArguments.FromFileInput(input)
                .OutputToFile(output, true, o => o.WithCustomArgument(arguments).ForceFormat("image2"))
                .CancellableThrough(ct).ProcessAsynchronously(throwOnError: false);
            return result.Success && File.Exists(output);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("ffmpeg could not fit an image reference: {Error}", ex.Message);
            return false;
        }
    }
}

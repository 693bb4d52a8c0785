using System.Text.Json.Nodes;
using FFMpegCore;

namespace VideoHub.Providers.Local;

/// <summary>Receives the files a request brings (first-frame images, source clips) and checks them like the service.</summary>
public sealed class LocalInputs(LocalProviderStore store)
{
    public const string ImageParam = "input_reference";
    private const int MaxImageUrlLength = 20_971_520;

    /// <summary>Saves the first-frame image into <paramref name="folder"/> and returns its file name, or null when none was sent.</summary>
    public async Task<string?> SaveImageReferenceAsync(WireRequest request, string size, string folder, CancellationToken ct)
    {
        var upload = request.File(ImageParam);
        var reference = upload is null ? request.Fields.Object(ImageParam) : null;
        if (upload is null && reference is null) return null;

        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "input.upload");
        if (upload is not null)
        {
            await using var target = File.Create(temp);
            await upload.CopyToAsync(target, ct);
        }
        else
        {
            var fileId = reference?.String("file_id");
            var imageUrl = reference?.String("image_url");
            if ((fileId is null) == (imageUrl is null))
                throw WireError.Invalid("Provide exactly one of 'input_reference.file_id' and 'input_reference.image_url'.", ImageParam);
            if (fileId is not null)
            {
                if (store.Files.Get(fileId) is null) throw WireError.NotFound($"No such File object: {fileId}", $"{ImageParam}.file_id");
                File.Copy(store.Paths.FileContent(fileId), temp, overwrite: true);
            }
            else await File.WriteAllBytesAsync(temp, DecodeDataUrl(imageUrl!), ct);
        }

        var extension = MediaChecks.ImageExtension(temp)
            ?? throw WireError.Invalid("Invalid 'input_reference': expected an image in JPEG, PNG or WebP format.", ImageParam, "invalid_image_format");
        var dimensions = await MediaChecks.ImageSizeAsync(temp, ct);
        var (width, height) = LocalValidation.Dimensions(size);
        if (dimensions != (width, height))
            throw WireError.Invalid($"Invalid 'input_reference': the image is {dimensions.Width}x{dimensions.Height} but the requested size is {size}; they must match.",
                ImageParam, "invalid_image_size");
        var name = "input" + extension;
        File.Move(temp, Path.Combine(folder, name), overwrite: true);
        return name;
    }

    /// <summary>Saves an uploaded source clip for an edit and returns its name, size and rounded length.</summary>
    public static async Task<(string Name, string Size, int Seconds)> SaveSourceClipAsync(IFormFile clip, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "source.mp4");
        await using (var target = File.Create(path)) await clip.CopyToAsync(target, ct);
        var probe = await MediaChecks.VideoAsync(path, ct)
            ?? throw WireError.Invalid("Invalid 'video': expected an MP4 video file.", "video", "invalid_video");
        var seconds = (int)Math.Clamp(Math.Round(probe.Duration.TotalSeconds), 1, LocalValidation.MaxChainSeconds);
        // H.264 in 4:2:0 needs even dimensions; an odd upload is rendered one pixel smaller.
        return ("source.mp4", $"{probe.Width & ~1}x{probe.Height & ~1}", seconds);
    }

    private static byte[] DecodeDataUrl(string url)
    {
        var param = $"{ImageParam}.image_url";
        if (url.Length > MaxImageUrlLength)
            throw WireError.Invalid($"Invalid '{param}': string too long (maximum {MaxImageUrlLength}).", param, "string_above_max_length");
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            throw WireError.Invalid($"Invalid '{param}': this local provider does not fetch remote URLs; send a base64 data: URL or upload the image.", param);
        var comma = url.IndexOf(',');
        if (comma < 0 || !url[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            throw WireError.Invalid($"Invalid '{param}': expected a base64 data: URL.", param);
        try { return Convert.FromBase64String(url[(comma + 1)..]); }
        catch (FormatException) { throw WireError.Invalid($"Invalid '{param}': the base64 data is malformed.", param); }
    }
}

/// <summary>Magic-byte and ffprobe checks of media files.</summary>
public static class MediaChecks
{
    public sealed record VideoFacts(int Width, int Height, TimeSpan Duration);

    public static string? ImageExtension(string path)
    {
        Span<byte> head = stackalloc byte[12];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length) return null;
        if (head[..4].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return ".png";
        if (head[..3].SequenceEqual((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ".jpg";
        if (head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ".webp";
        return null;
    }

    public static async Task<(int Width, int Height)> ImageSizeAsync(string path, CancellationToken ct)
    {
        try
        {
            var analysis = await FFProbe.AnalyseAsync(path, cancellationToken: ct);
            var stream = analysis.PrimaryVideoStream;
            return (stream?.Width ?? 0, stream?.Height ?? 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw WireError.Invalid("Invalid 'input_reference': the image could not be read.", LocalInputs.ImageParam, "invalid_image");
        }
    }

    /// <summary>Width, height and length of a video, or null when ffprobe finds no video stream in it.</summary>
    public static async Task<VideoFacts?> VideoAsync(string path, CancellationToken ct)
    {
        try
        {
            var analysis = await FFProbe.AnalyseAsync(path, cancellationToken: ct);
            return analysis.PrimaryVideoStream is { Width: > 0 and var w, Height: > 0 and var h } && analysis.Duration > TimeSpan.Zero
                ? new VideoFacts(w, h, analysis.Duration) : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}

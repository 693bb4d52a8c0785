using VideoHub.Media;
using VideoHub.Domain.Policy;

namespace VideoHub.Features.Policy;

/// <summary>The image reference checks: a JPEG, PNG or WebP by its bytes, the video's exact size, and not too big.</summary>
public static class ImageReferenceCheck
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private const FindingCategory Category = FindingCategory.ImageReference;

    public static async Task<List<PolicyFinding>> FindingsAsync(ImageReferenceInput image, string? size, CancellationToken ct)
    {
        var findings = new List<PolicyFinding>();
        var (head, length, problem) = await ReadHeadAsync(image, ct);
        if (problem is not null) { findings.Add(PolicyFinding.Block(Category, problem)); return findings; }
        if (length > MaxBytes)
            findings.Add(PolicyFinding.Block(Category,
                $"The image is {length / 1024d / 1024:0.##} MB, more than the {MaxBytes / 1024 / 1024} MB an image reference may have.",
                "Export it smaller, for example as a JPEG."));
        var header = ImageHeader.Read(head);
        if (header is null)
        {
            findings.Add(PolicyFinding.Block(Category, "The image reference is not a JPEG, PNG or WebP image.",
                "Save the image as JPEG, PNG or WebP."));
            return findings;
        }
        if (image.DeclaredContentType is { Length: > 0 } declared
            && !string.Equals(declared, header.ContentType, StringComparison.OrdinalIgnoreCase)
            && !(header.Format == "JPEG" && string.Equals(declared, "image/jpg", StringComparison.OrdinalIgnoreCase)))
            findings.Add(PolicyFinding.Block(Category,
                $"The file says it is {declared}, but its content is a {header.Format} image.",
                $"Upload it again as {header.ContentType}."));
        if (header.Width is not { } w || header.Height is not { } h)
            findings.Add(PolicyFinding.Block(Category, $"The size of this {header.Format} image could not be read."));
        else if (size is not null && !string.Equals($"{w}x{h}", size, StringComparison.OrdinalIgnoreCase))
            findings.Add(PolicyFinding.Block(Category,
                $"The image is {w}x{h}, but the video is {size}; the image reference must be exactly the video's size.",
                $"Resize or crop the image to {size}, or choose the size {w}x{h} if the model offers it."));
        return findings;
    }

    private static async Task<(byte[] Head, long Length, string? Problem)> ReadHeadAsync(ImageReferenceInput image, CancellationToken ct)
    {
        if (image.Bytes is { } bytes) return (bytes, bytes.LongLength, bytes.Length == 0 ? "The image reference is empty." : null);
        if (string.IsNullOrEmpty(image.FilePath)) return ([], 0, "No image reference was given.");
        try
        {
            await using var file = new FileStream(image.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, true);
            var head = new byte[(int)Math.Min(file.Length, ImageHeader.BytesNeeded)];
            await file.ReadExactlyAsync(head, ct);
            return (head, file.Length, head.Length == 0 ? "The image reference is empty." : null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], 0, "The image reference could not be read; upload it again.");
        }
    }
}

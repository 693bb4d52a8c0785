using System.Globalization;
using FFMpegCore;
using Microsoft.Extensions.Options;

namespace VideoHub.Providers.Local;

/// <summary>
/// Renders a job with ffmpeg (TOOLCHAIN §8): a silent H.264 picture of exactly the requested size and length showing
/// the prompt, the operation, the characters and a running timecode; then a quiet sine tone muxed in as AAC; then a
/// WebP thumbnail and a JPEG sprite sheet. Extensions concatenate the source's silent picture with the new segment
/// (stream copy of silent video is frame-exact, audio is made fresh for the whole length), so the stitched whole
/// is exactly the total. Every output is written under a temp name and renamed into place.
/// </summary>
public sealed class LocalRenderer(LocalProviderPaths paths, IOptions<LocalProviderOptions> options)
{
    public const string VideoFile = "video.mp4";
    public const string ThumbnailFile = "thumbnail.webp";
    public const string SpritesheetFile = "spritesheet.jpg";
    private const string SilentFile = "silent.mp4";

    public async Task RenderAsync(LocalJob job, LocalJob? source, CancellationToken ct)
    {
        var folder = paths.Media(job.Id);
        Directory.CreateDirectory(folder);
        var ff = new FFOptions { WorkingDirectory = folder };

        if (job.Operation == LocalOperations.Extend)
        {
            if (source is null || !File.Exists(Path.Combine(paths.Media(source.Id), SilentFile)))
                throw new InvalidOperationException("The source of the extension is gone.");
            var segment = job.Seconds - source.Seconds;
            await RenderPictureAsync(job, segment, offset: source.Seconds, "segment.mp4", ff, ct);
            var list = $"file '{Path.Combine(paths.Media(source.Id), SilentFile).Replace("'", "'\\''")}'\nfile 'segment.mp4'\n";
            await File.WriteAllTextAsync(Path.Combine(folder, "concat.txt"), list, ct);
            await RunAsync(FFMpegArguments
                .FromFileInput("concat.txt", verifyExists: false, o => o.ForceFormat("concat").WithCustomArgument("-safe 0"))
                .OutputToFile("silent.tmp.mp4", true, o => o.WithCustomArgument("-c copy -movflags +faststart")), ff, ct);
            File.Delete(Path.Combine(folder, "segment.mp4"));
        }
        else
        {
            await RenderPictureAsync(job, job.Seconds, offset: 0, "silent.tmp.mp4", ff, ct);
        }
        Publish(folder, "silent.tmp.mp4", SilentFile);

        // One decode of the picture feeds all three files: the MP4 (picture copied, tone encoded), the thumbnail
        // from the middle and a 5x2 sprite sheet spread over the whole length.
        var middle = (job.Seconds / 2.0).ToString("0.###", CultureInfo.InvariantCulture);
        var fps = (10.0 / job.Seconds).ToString("0.#####", CultureInfo.InvariantCulture);
        await RunAsync(FFMpegArguments
            .FromFileInput(SilentFile, verifyExists: false)
            .AddFileInput("sine=frequency=440:sample_rate=48000", verifyExists: false,
                o => o.ForceFormat("lavfi").WithCustomArgument($"-t {job.Seconds}"))
            .OutputToFile("video.tmp.mp4", true, o => o.WithCustomArgument(
                $"-filter_complex \"[0:v]split=2[t][s];[t]select='gte(t\\,{middle})'[thumb];[s]fps={fps},scale=256:-2,tile=5x2[sprite];[1:a]volume=0.08[tone]\" "
                + "-map [thumb] -frames:v 1 -c:v libwebp -quality 75 -f webp thumbnail.tmp.webp "
                + "-map [sprite] -frames:v 1 -q:v 4 -f image2 spritesheet.tmp.jpg "
                + "-map 0:v -map [tone] -c:v copy -c:a aac -b:a 64k -movflags +faststart")), ff, ct);

        Publish(folder, "thumbnail.tmp.webp", ThumbnailFile);
        Publish(folder, "spritesheet.tmp.jpg", SpritesheetFile);
        Publish(folder, "video.tmp.mp4", VideoFile); // last: its presence means the job's files are whole
    }

    private async Task RenderPictureAsync(LocalJob job, int seconds, int offset, string output, FFOptions ff, CancellationToken ct)
    {
        var (width, height) = LocalValidation.Dimensions(job.Size);
        var overlay = new RenderOverlay(job, width, height);
        await File.WriteAllTextAsync(Path.Combine(ff.WorkingDirectory, "prompt.txt"), overlay.PromptText(), ct);
        await File.WriteAllTextAsync(Path.Combine(ff.WorkingDirectory, "label.txt"), overlay.LabelText(), ct);

        var background = job.InputImage ?? (job.Operation == LocalOperations.Edit ? job.UploadedSource : null);
        var input = background is null
            ? FFMpegArguments.FromFileInput($"testsrc2=size={width}x{height}:rate=30", verifyExists: false, o => o.ForceFormat("lavfi"))
            : FFMpegArguments.FromFileInput(background, verifyExists: false, o => o.WithCustomArgument(
                job.InputImage is null ? "-stream_loop -1" : "-loop 1 -framerate 30"));
        await RunAsync(input.OutputToFile(output, true, o => o.WithCustomArgument(
            $"-t {seconds} -an -vf \"{overlay.Filter(offset)}\" -r 30 -c:v libx264 -preset {Preset} -pix_fmt yuv420p -movflags +faststart")), ff, ct);
    }

    private string Preset =>
        options.Value.Preset.All(c => char.IsAsciiLetterLower(c)) && options.Value.Preset.Length > 0 ? options.Value.Preset : "ultrafast";

    private static async Task RunAsync(FFMpegArgumentProcessor processor, FFOptions ff, CancellationToken ct)
    {
        var result = await processor.CancellableThrough(ct).ProcessAsynchronously(throwOnError: false, ff, ct);
        ct.ThrowIfCancellationRequested();
        if (!result.Success)
            throw new InvalidOperationException(
                $"ffmpeg exited with {result.ExitCode}: {string.Join('\n', result.StandardError.TakeLast(5))}");
    }

    private static void Publish(string folder, string temp, string final) =>
        AtomicFile.Publish(Path.Combine(folder, temp), Path.Combine(folder, final));
}

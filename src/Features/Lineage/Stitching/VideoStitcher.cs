using System.Globalization;
using System.Security.Cryptography;
using FFMpegCore;
using VideoHub.Media;

namespace VideoHub.Features.Lineage.Stitching;

/// <summary>A joined file's facts, as the downloader records them for a take.</summary>
public sealed record StitchedFile(long Bytes, string Sha256, ProbedVideo Probe, bool StreamCopied);

/// <summary>
/// Joins clips into one MP4 with ffmpeg: a stream copy through the concat demuxer when every clip has the same
/// encoding (codec, size, pixel format, frame rate, audio layout), otherwise a re-encode through the concat filter
/// (scaled and padded to the first clip's size, silence for clips without sound). A copy whose length is off by
/// more than a tenth of a second is redone as a re-encode.
/// </summary>
public sealed class VideoStitcher(MediaProbe probe, ILogger<VideoStitcher> log)
{
    private const double Tolerance = 0.1;

    /// <summary>Writes <paramref name="output"/> (any path; the format is forced to MP4); null when ffmpeg fails.</summary>
    public async Task<StitchedFile?> JoinAsync(IReadOnlyList<string> inputs, string output, CancellationToken ct)
    {
        var infos = new List<IMediaAnalysis>();
        foreach (var input in inputs) infos.Add(await FFProbe.AnalyseAsync(input, cancellationToken: ct));
        var expected = infos.Sum(i => i.Duration.TotalSeconds);
        var copy = SameEncoding(infos);
        try
        {
            if (copy && await RunAsync(CopyArguments(inputs, output), ct) && await FactsAsync(output, true, ct) is { } copied
                && Math.Abs(copied.Probe.DurationSeconds - expected) <= Tolerance)
                return copied;
        }
        finally
        {
            File.Delete(output + ".concat.txt");
        }
        if (copy) log.LogInformation("Stream copy of {Count} clips was off in length; re-encoding instead.", inputs.Count);
        return await RunAsync(EncodeArguments(inputs, infos, output), ct) ? await FactsAsync(output, false, ct) : null;
    }

    public static bool SameEncoding(IReadOnlyList<IMediaAnalysis> clips)
    {
        static string Key(IMediaAnalysis m)
        {
            var v = m.PrimaryVideoStream;
            var a = m.PrimaryAudioStream;
            return $"{v?.CodecName}|{v?.Width}x{v?.Height}|{v?.PixelFormat}|{v?.AverageFrameRate.ToString(CultureInfo.InvariantCulture)}|{v?.Profile}"
                + $"|{a?.CodecName}|{a?.SampleRateHz}|{a?.Channels}";
        }
        return clips.All(c => c.PrimaryVideoStream is not null) && clips.Select(Key).Distinct().Count() == 1;
    }

    private static FFMpegArgumentProcessor CopyArguments(IReadOnlyList<string> inputs, string output)
    {
        var list = output + ".concat.txt";
        File.WriteAllLines(list, inputs.Select(i => $"file '{Path.GetFullPath(i).Replace("'", "'\\''")}'"));
        return FFMpegArguments.FromFileInput(list, verifyExists: false, o => o.ForceFormat("concat").WithCustomArgument("-safe 0"))
            .OutputToFile(output, true, o => o.WithCustomArgument("-map 0 -c copy -movflags +faststart").ForceFormat("mp4"));
    }

    private static FFMpegArgumentProcessor EncodeArguments(IReadOnlyList<string> inputs, IReadOnlyList<IMediaAnalysis> infos, string output)
    {
        var first = infos[0].PrimaryVideoStream!;
        var (w, h) = (first.Width ?? 1280, first.Height ?? 720);
        var arguments = FFMpegArguments.FromFileInput(inputs[0], verifyExists: false);
        foreach (var input in inputs.Skip(1)) arguments = arguments.AddFileInput(input, verifyExists: false);
        var graph = new List<string>();
        var joined = "";
        var extra = inputs.Count;
        for (var i = 0; i < inputs.Count; i++)
        {
            graph.Add($"[{i}:v]scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30,format=yuv420p[v{i}]");
            var audio = $"[{i}:a]";
            if (infos[i].PrimaryAudioStream is null)
            {
                var d = infos[i].Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                arguments = arguments.AddFileInput("anullsrc=r=48000:cl=stereo", verifyExists: false,
                    o => o.ForceFormat("lavfi").WithCustomArgument($"-t {d}"));
                audio = $"[{extra++}:a]";
            }
            graph.Add($"{audio}aresample=48000,aformat=channel_layouts=stereo[a{i}]");
            joined += $"[v{i}][a{i}]";
        }
        graph.Add($"{joined}concat=n={inputs.Count}:v=1:a=1[v][a]");
        return arguments.OutputToFile(output, true, o => o.WithCustomArgument(
            $"-filter_complex \"{string.Join(';', graph)}\" -map [v] -map [a] -c:v libx264 -preset veryfast -pix_fmt yuv420p "
            + "-c:a aac -b:a 128k -movflags +faststart").ForceFormat("mp4"));
    }

    private async Task<StitchedFile?> FactsAsync(string output, bool copied, CancellationToken ct)
    {
        var probed = await probe.ProbeVideoAsync(output, ct);
        if (probed is null) return null;
        await using var file = File.OpenRead(output);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        return new StitchedFile(file.Length, sha, probed, copied);
    }

    private async Task<bool> RunAsync(FFMpegArgumentProcessor processor, CancellationToken ct)
    {
        try
        {
            var result = await processor.CancellableThrough(ct).ProcessAsynchronously(throwOnError: false);
            if (!result.Success) log.LogWarning("ffmpeg exited with {Code}: {Error}", result.ExitCode, string.Join('\n', result.StandardError.TakeLast(3)));
            return result.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("ffmpeg failed: {Error}", ex.Message);
            return false;
        }
    }
}

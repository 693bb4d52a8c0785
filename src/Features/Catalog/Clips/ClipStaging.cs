using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoHub.Domain.Users;
using VideoHub.Hosting;
using VideoHub.Media;

namespace VideoHub.Features.Catalog.Clips;

/// <summary>A checked upload waiting for the user to finish the form (and maybe confirm a fix).</summary>
public sealed record StagedClip(Guid Token, string FileName, string Extension, ClipFacts Facts, IReadOnlyList<ClipIssue> Issues,
    ClipFacts FixTarget, ClipFix SuggestedFix, bool WasFixed)
{
    public bool WithinGuidance => Issues.Count == 0;
}

public sealed record StageResult(StagedClip? Clip, string? Error)
{
    public static StageResult Fail(string error) => new(null, error);
}

/// <summary>
/// Uploads of source clips, streamed to a private temp folder under an explicit size limit, checked by their first
/// bytes and by ffprobe, and held per user until the item is saved. Anything refused is deleted at once, so a bad
/// upload leaves nothing on disk. A fix runs only when the user confirms it, and replaces the staged file.
/// </summary>
public sealed class ClipStaging(IOptions<DataOptions> data, IOptionsMonitor<CatalogOptions> options, MediaProbe probe,
    ClipTools tools, TimeProvider clock, ILogger<ClipStaging> log)
{
    private sealed record Entry(string UserId, string Path, StagedClip Clip, DateTime At);

    private readonly ConcurrentDictionary<Guid, Entry> staged = new();

    public string Folder => Path.Combine(data.Value.FullPath, "tmp", "catalog-uploads");

    private ClipGuidance Guidance => new(options.CurrentValue);

    public async Task<StageResult> StageAsync(Actor actor, Stream content, string fileName, CancellationToken ct = default)
    {
        Sweep();
        var limit = options.CurrentValue.MaxUploadBytes;
        var declared = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (!ClipFormat.Extensions.Contains(declared))
            return StageResult.Fail("Upload an MP4, MOV or WebM video clip.");
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".upload");
        try
        {
            var copied = await CopyLimitedAsync(content, path, limit, ct);
            if (copied is null)
                return Refuse(path, $"The file is larger than the {Megabytes(limit)} MB limit for source clips. Upload a shorter or smaller clip.");
            if (copied == 0) return Refuse(path, "The file is empty.");
            var head = new byte[16];
            await using (var read = File.OpenRead(path)) await read.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            if (ClipFormat.Sniff(head) is not { } actual)
                return Refuse(path, $"“{fileName}” is not a video: its contents are not MP4, MOV or WebM, whatever its name says.");
            return await AdmitAsync(actor, path, fileName!, actual, wasFixed: false, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Staging a catalog clip failed");
            return Refuse(path, ex is IOException or InvalidOperationException
                ? $"The upload could not be read completely. Files up to {Megabytes(limit)} MB are accepted; try again."
                : "The upload could not be checked; nothing was stored. Try again.");
        }
        finally
        {
            if (ct.IsCancellationRequested) Delete(path);
        }
    }

    /// <summary>Applies the fix the user confirmed and stages the result in place of the original.</summary>
    public async Task<StageResult> FixAsync(Actor actor, Guid token, ClipFix fix, CancellationToken ct = default)
    {
        if (!staged.TryGetValue(token, out var entry) || entry.UserId != actor.UserId)
            return StageResult.Fail("The upload is no longer here; upload the clip again.");
        if (Guidance.FixProblem(entry.Clip.Facts, fix) is { } problem) return StageResult.Fail(problem);
        var output = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".fixed");
        if (!await tools.FixAsync(entry.Path, output, fix, entry.Clip.FixTarget, ct))
        {
            Delete(output);
            return StageResult.Fail("The clip could not be converted. Try another part of it, or fix it yourself and upload again.");
        }
        Discard(actor, token);
        return await AdmitAsync(actor, output, Path.ChangeExtension(entry.Clip.FileName, ".mp4"), ".mp4", wasFixed: true, ct);
    }

    public void Discard(Actor actor, Guid token)
    {
        if (staged.TryGetValue(token, out var entry) && entry.UserId == actor.UserId && staged.TryRemove(token, out _))
            Delete(entry.Path);
    }

    /// <summary>Hands a staged clip over to be stored: the caller moves or copies the file, then calls <see cref="Discard"/>.</summary>
    public (StagedClip Clip, string Path)? Get(Actor actor, Guid token) =>
        staged.TryGetValue(token, out var e) && e.UserId == actor.UserId && File.Exists(e.Path) ? (e.Clip, e.Path) : null;

    private async Task<StageResult> AdmitAsync(Actor actor, string path, string fileName, string extension, bool wasFixed, CancellationToken ct)
    {
        var probed = await probe.ProbeVideoAsync(path, ct);
        if (probed is null || probed.Width <= 0 || probed.Height <= 0)
            return Refuse(path, $"“{fileName}” has no video stream that can be read.");
        var facts = new ClipFacts(probed.DurationSeconds, probed.Width, probed.Height);
        var guidance = Guidance;
        if (guidance.Refusal(facts) is { } refusal) return Refuse(path, refusal);
        var clip = new StagedClip(Guid.NewGuid(), fileName, extension, facts, guidance.Check(facts), guidance.Target(facts),
            guidance.Suggest(facts), wasFixed);
        staged[clip.Token] = new Entry(actor.UserId, path, clip, clock.GetUtcNow().UtcDateTime);
        return new StageResult(clip, null);
    }

    private static async Task<long?> CopyLimitedAsync(Stream content, string path, long limit, CancellationToken ct)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit) return null;
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return total;
    }

    private static StageResult Refuse(string path, string message)
    {
        Delete(path);
        return StageResult.Fail(message);
    }

    private static void Delete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { /* swept later */ }
    }

    /// <summary>Forgets uploads nobody finished, and their files.</summary>
    private void Sweep()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.CurrentValue.StagedUploadLifetime;
        foreach (var (token, entry) in staged)
            if (entry.At < cutoff && staged.TryRemove(token, out _)) Delete(entry.Path);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

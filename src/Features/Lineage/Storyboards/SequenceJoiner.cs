using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Lineage;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Lineage.Stitching;
using VideoHub.Media;
using VideoHub.Providers;

namespace VideoHub.Features.Lineage.Storyboards;

/// <summary>
/// When every shot of a storyboard has an approved take, joins them in shot order into one sequence take. A sequence
/// is a take like any other (files, probe facts, review state) whose render request has the Sequence operation and is
/// Ready from the start (no job ever submits it); its lineage edges are <see cref="SequencePart"/> rows. Its ids are
/// derived from the storyboard and the joined takes, so a join cut off by a crash is redone onto the same files.
/// </summary>
public sealed class SequenceJoiner(IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage, VideoStitcher stitcher,
    MediaProbe probe, AuditLog audit, TimeProvider clock, ILogger<SequenceJoiner> log)
{
    public const string By = "job:storyboard";

    /// <summary>The new sequence take's id, or null when a shot has no approved take yet or the current sequence is already these takes.</summary>
    public async Task<Guid?> JoinIfReadyAsync(Guid storyboardId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var board = await db.Storyboards.Include(s => s.Shots).FirstOrDefaultAsync(s => s.Id == storyboardId, ct);
        if (board is null || board.Shots.Count == 0) return null;
        var requestIds = board.Shots.Select(s => s.RenderRequestId).ToList();
        var takes = await db.RenderRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id) && r.VideoId != null)
            .ToDictionaryAsync(r => r.Id, r => r.VideoId!.Value, ct);
        var shots = board.Shots.OrderBy(s => s.Position).ToList();
        if (shots.Any(s => s.RenderRequestId is not { } r || !takes.ContainsKey(r))) return null;
        var approved = await StoryboardTakes.ApprovedAsync(db, takes.Values, ct);
        var parts = shots.Select(s => approved.GetValueOrDefault(takes[s.RenderRequestId!.Value])).ToList();
        if (parts.Any(p => p == Guid.Empty)) return null;
        if (board.SequenceVideoId is { } current && (await db.SequenceParts.AsNoTracking().Where(p => p.SequenceVideoId == current)
                .OrderBy(p => p.Position).Select(p => p.SourceVideoId).ToListAsync(ct)).SequenceEqual(parts))
            return null;

        var videoId = DerivedId("sequence", board.Id, parts);
        var sources = await db.Videos.AsNoTracking().Where(v => parts.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var files = parts.Select(p => storage.GetFile(sources[p].VideoKey)?.FullName).ToList();
        if (files.Any(f => f is null)) { log.LogWarning("A take of storyboard {Id} has no file; cannot join.", board.Id); return null; }

        var keys = Enum.GetValues<ContentVariant>().ToDictionary(v => v, v => MediaKeys.For(board.ProjectId, videoId, v));
        StitchedFile? joined;
        await using (var write = storage.BeginWrite(keys[ContentVariant.Video]))
        {
            await write.CloseAsync();
            joined = await stitcher.JoinAsync(files!, write.TempPath, ct);
            if (joined is null) return null;
            await write.CommitAsync();
        }
        var videoFile = storage.GetFile(keys[ContentVariant.Video])!.FullName;
        if (!await PictureAsync(keys[ContentVariant.Thumbnail], p => probe.MakeThumbnailAsync(videoFile, p, joined.Probe.DurationSeconds, ct))
            || !await PictureAsync(keys[ContentVariant.Spritesheet], p => probe.MakeSpritesheetAsync(videoFile, p, joined.Probe.DurationSeconds, ct)))
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var prompt = $"Sequence “{board.Name}”: " + string.Join(" | ", parts.Select((p, i) => $"{i + 1}. {sources[p].Prompt}"));
        if (prompt.Length > RenderRequest.PromptMaxLength) prompt = prompt[..RenderRequest.PromptMaxLength];
        var request = new RenderRequest
        {
            Id = DerivedId("request", board.Id, parts), ProjectId = board.ProjectId, AuthorId = board.CreatedById, AuthorName = board.CreatedByName,
            Operation = RenderOperation.Sequence, Prompt = prompt, ProviderId = board.ProviderId, Model = board.Model, Size = board.Size,
            Seconds = (int)Math.Round(joined.Probe.DurationSeconds), BatchId = null, State = RenderState.Ready, VideoId = videoId,
            EstimatedCostUsd = 0, ActualCostUsd = 0, PreCheckJson = "{}", CreatedAt = now, UpdatedAt = now, CompletedAt = now, FinishedAt = now,
        };
        // Never submitted: the history records that VideoHub made it from the approved takes.
        request.Events.Add(new RenderEvent { RenderRequestId = request.Id, From = RenderState.Draft, To = RenderState.Ready, At = now, By = By,
            Message = $"Joined {parts.Count} approved takes of storyboard “{board.Name}”." });
        db.RenderRequests.Add(request);
        db.Videos.Add(new Video
        {
            Id = videoId, ProjectId = board.ProjectId, RenderRequestId = request.Id, StackId = videoId, Operation = RenderOperation.Sequence,
            ProviderId = board.ProviderId, ProviderJobId = "", Model = board.Model, Prompt = prompt,
            VideoKey = keys[ContentVariant.Video], ThumbnailKey = keys[ContentVariant.Thumbnail], SpritesheetKey = keys[ContentVariant.Spritesheet],
            DurationSeconds = joined.Probe.DurationSeconds, Width = joined.Probe.Width, Height = joined.Probe.Height,
            VideoCodec = joined.Probe.VideoCodec, AudioCodec = joined.Probe.AudioCodec, Bytes = joined.Bytes, Sha256 = joined.Sha256, CreatedAt = now,
        });
        db.SequenceParts.AddRange(parts.Select((p, i) => new SequencePart { SequenceVideoId = videoId, Position = i + 1, SourceVideoId = p }));
        board.SequenceVideoId = videoId;
        board.UpdatedAt = now;
        audit.Add(db, null, AuditActions.SequenceJoined, nameof(Storyboard), board.Id.ToString(),
            $"Joined {parts.Count} approved takes of “{board.Name}” into a sequence take ({joined.Probe.DurationSeconds:0.#} s).", board.ProjectId);
        await db.SaveChangesAsync(ct);
        return videoId;
    }

    private async Task<bool> PictureAsync(string key, Func<string, Task<bool>> make)
    {
        await using var write = storage.BeginWrite(key);
        await write.CloseAsync();
        if (!await make(write.TempPath) || new FileInfo(write.TempPath).Length == 0) return false;
        await write.CommitAsync();
        return true;
    }

    private static Guid DerivedId(string kind, Guid board, IEnumerable<Guid> parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{board}:{string.Join(',', parts)}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}

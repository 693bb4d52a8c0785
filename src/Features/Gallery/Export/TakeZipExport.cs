using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Media;

namespace VideoHub.Features.Gallery.Export;

/// <summary>
/// A selection of takes as one zip written straight to the response: each file is copied through a SHA-256
/// while it streams (no temp file, no whole file in memory), then manifest.json and manifest.csv close the archive.
/// </summary>
public sealed class TakeZipExport(IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage, AuditLog audit)
{
    public const int MaxTakes = 200;

    /// <summary>The takes in the order asked for, or null when any of them is unknown or not visible to the user.</summary>
    public async Task<IReadOnlyList<ManifestEntry>?> PrepareAsync(Actor actor, IReadOnlyList<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count is 0 or > MaxTakes) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = ProjectAccess.Visible(db, actor).Select(p => p.Id);
        var rows = await (from v in db.Videos.AsNoTracking()
                          join r in db.RenderRequests on v.RenderRequestId equals r.Id
                          join p in db.Projects on v.ProjectId equals p.Id
                          where ids.Contains(v.Id) && visible.Contains(v.ProjectId)
                          select new ManifestEntry
                          {
                              TakeId = v.Id, ProjectId = v.ProjectId, Project = p.Name, Prompt = v.Prompt, Model = v.Model, Provider = v.ProviderId,
                              Operation = v.Operation.ToString(), Size = r.Size, RequestedSeconds = r.Seconds, DurationSeconds = v.DurationSeconds,
                              Width = v.Width, Height = v.Height, Author = r.AuthorName, CreatedAt = v.CreatedAt,
                              ReviewState = v.ReviewState.ToString(), StoredSha256 = v.Sha256, VideoKey = v.VideoKey,
                          }).ToListAsync(ct);
        if (rows.Count != ids.Distinct().Count()) return null;
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.VideoId)).OrderBy(d => d.CreatedAt)
            .Select(d => new { d.VideoId, d.ReviewerName, d.Verdict, d.Note, d.CreatedAt, d.SupersededAt }).ToListAsync(ct);
        foreach (var row in rows)
            row.Decisions = decisions.Where(d => d.VideoId == row.TakeId)
                .Select(d => new ManifestDecision(d.ReviewerName, d.Verdict.ToString(), d.Note, d.CreatedAt, d.SupersededAt is not null)).ToList();
        audit.Add(db, actor, AuditActions.GalleryExported, "Video", string.Join(",", rows.Take(20).Select(r => r.TakeId)),
            $"Downloaded {rows.Count} take(s) as a zip");
        await db.SaveChangesAsync(ct);
        var order = ids.Distinct().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return rows.OrderBy(r => order[r.TakeId]).ToList();
    }

    public async Task WriteAsync(IReadOnlyList<ManifestEntry> entries, Stream output, CancellationToken ct)
    {
        await using var body = new SyncWriteBuffer(output);
        await WriteZipAsync(entries, body, ct);
        await body.FlushAsync(ct);
    }

    private async Task WriteZipAsync(IReadOnlyList<ManifestEntry> entries, Stream output, CancellationToken ct)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        var index = 0;
        foreach (var entry in entries)
        {
            index++;
            var file = string.IsNullOrEmpty(entry.VideoKey) ? null : storage.GetFile(entry.VideoKey);
            if (file is null) continue;
            entry.File = $"{index:000}-{entry.TakeId:N}.mp4";
            var zipEntry = zip.CreateEntry(entry.File, CompressionLevel.NoCompression);
            zipEntry.LastWriteTime = entry.CreatedAt;
            await using var target = await zipEntry.OpenAsync(ct);
            await using var source = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            entry.Sha256 = await CopyHashingAsync(source, target, ct);
            entry.Bytes = file.Length;
        }
        await AddTextAsync(zip, "manifest.json", JsonSerializer.Serialize(entries, ManifestJson.Options), ct);
        await AddTextAsync(zip, "manifest.csv", ManifestCsv.Write(entries), ct);
    }

    private static async Task<string> CopyHashingAsync(Stream source, Stream target, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task AddTextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }
}

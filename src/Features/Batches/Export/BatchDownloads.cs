using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using Microsoft.Net.Http.Headers;
using VideoHub.Account;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Media;
using VideoHub.Providers;
using Microsoft.EntityFrameworkCore;

namespace VideoHub.Features.Batches.Export;

/// <summary>
/// A batch's takes as one zip, and its CSV report, for project members. The zip is written straight into the
/// response (System.IO.Compression over the response stream), one take at a time, so memory stays flat however
/// many takes there are. A non-member and an unknown batch both answer 404.
/// </summary>
public static class BatchDownloads
{
    public const string TakesRoute = "/projects/{Id:guid}/batches/{BatchId:guid}/download/takes";
    public const string ReportRoute = "/projects/{Id:guid}/batches/{BatchId:guid}/download/report";

    public static string TakesUrl(Guid projectId, Guid batchId) => $"/projects/{projectId}/batches/{batchId}/download/takes";
    public static string ReportUrl(Guid projectId, Guid batchId) => $"/projects/{projectId}/batches/{batchId}/download/report";

    public static IEndpointRouteBuilder MapBatchDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TakesRoute, TakesAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapGet(ReportRoute, ReportAsync).RequireAuthorization().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task TakesAsync(Guid id, Guid batchId, HttpContext http, IDbContextFactory<VideoHubDbContext> dbFactory,
        BatchService batches, IMediaStorage storage, AuditLog audit, CancellationToken ct)
    {
        if (await ResolveAsync(http, dbFactory, batches, id, batchId, ct) is not var (actor, name)) { http.Response.StatusCode = 404; return; }
        await audit.RecordAsync(actor, AuditActions.BatchDownloaded, nameof(Batch), batchId.ToString(), $"Downloaded the takes of “{name}”.", id);
        Headers(http, "application/zip", $"{FileNameOf(name)}-takes.zip");
        await using var body = new SyncWriteBuffer(http.Response.Body);
        await WriteZipAsync(batches.AllRowsAsync(actor, id, batchId, ct), id, storage, body, ct);
        await body.FlushAsync(ct);
    }

    private static async Task WriteZipAsync(IAsyncEnumerable<BatchRowView> rows, Guid projectId, IMediaStorage storage, Stream output, CancellationToken ct)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        await foreach (var row in rows)
        {
            if (row.State != RenderState.Ready || row.VideoId is not { } videoId) continue;
            var file = storage.GetFile(MediaKeys.For(projectId, videoId, ContentVariant.Video));
            if (file is null) continue;
            var entry = zip.CreateEntry($"{row.CustomId}.mp4", CompressionLevel.NoCompression);
            entry.LastWriteTime = file.LastWriteTimeUtc;
            await using var target = await entry.OpenAsync(ct);
            await using var source = file.OpenRead();
            await source.CopyToAsync(target, ct);
        }
    }

    private static async Task ReportAsync(Guid id, Guid batchId, HttpContext http, IDbContextFactory<VideoHubDbContext> dbFactory,
        BatchService batches, CancellationToken ct)
    {
        if (await ResolveAsync(http, dbFactory, batches, id, batchId, ct) is not var (actor, name)) { http.Response.StatusCode = 404; return; }
        Headers(http, "text/csv; charset=utf-8", $"{FileNameOf(name)}-report.csv");
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in Columns) csv.WriteField(header);
        await csv.NextRecordAsync();
        await foreach (var r in batches.AllRowsAsync(actor, id, batchId, ct))
        {
            csv.WriteField(r.LineNumber);
            csv.WriteField(r.CustomId);
            csv.WriteField(r.Attempt);
            csv.WriteField(r.State.ToString());
            csv.WriteField(r.FailureReason?.Code() ?? "");
            csv.WriteField(r.Message ?? "");
            csv.WriteField(r.Prompt);
            csv.WriteField(r.Model);
            csv.WriteField(r.Size);
            csv.WriteField(r.Seconds);
            csv.WriteField(r.EstimatedCostUsd.ToString("0.00##", CultureInfo.InvariantCulture));
            csv.WriteField(r.ActualCostUsd?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(r.VideoId is { } v && r.State == RenderState.Ready ? $"/projects/{id}/takes/{v}" : "");
            csv.WriteField(r.RequestId.ToString());
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    public static readonly string[] Columns =
        ["line", "custom_id", "attempt", "state", "failure_reason", "message", "prompt", "model", "size", "seconds",
         "estimated_cost_usd", "actual_cost_usd", "take", "request_id"];

    private static async Task<(Actor, string)?> ResolveAsync(HttpContext http, IDbContextFactory<VideoHubDbContext> dbFactory,
        BatchService batches, Guid projectId, Guid batchId, CancellationToken ct)
    {
        var actor = await CurrentUser.ResolveAsync(dbFactory, http.User, ct);
        if (actor is null) return null;
        var name = await batches.NameAsync(actor, projectId, batchId, ct);
        return name is null ? null : (actor, name);
    }

    private static void Headers(HttpContext http, string contentType, string fileName)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
    }

    private static string FileNameOf(string name)
    {
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? "batch" : safe.Length > 60 ? safe[..60] : safe;
    }
}

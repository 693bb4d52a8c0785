using System.Text;
using System.Text.Json;
using VideoHub.Providers;
using VideoHub.Tests.Providers.Infrastructure;

namespace VideoHub.Tests.Providers.Local;

/// <summary>Files (purpose batch) and batches of POST /v1/videos lines, through the client.</summary>
public sealed class BatchTests(LocalProviderServer server) : IClassFixture<LocalProviderServer>
{
    [Fact]
    public async Task Batch_OfJsonlLines_RunsThroughItsStatuses_AndWritesOneOutputLinePerCustomId()
    {
        var input = await UploadAsync(
            """{"custom_id":"shot-001","method":"POST","url":"/v1/videos","body":{"prompt":"a calm lake","seconds":"4","size":"1280x720"}}""",
            """{"custom_id":"shot-002","method":"POST","url":"/v1/videos","body":{"prompt":"a storm","seconds":"10"}}""");
        Assert.Equal("batch", input.Purpose);

        var batch = (await server.Client.CreateBatchAsync(new BatchCreateRequest(input.Id))).GetValueOrThrow();
        Assert.Equal(ProviderBatchStatus.Validating, batch.Status);
        var seen = new List<ProviderBatchStatus>();
        var done = await Polling.UntilAsync(async () => (await server.Client.GetBatchAsync(batch.Id)).GetValueOrThrow(),
            b => { if (seen.LastOrDefault() != b.Status) seen.Add(b.Status); return b.IsTerminal; });

        Assert.Equal(ProviderBatchStatus.Completed, done.Status);
        Assert.Equal(seen, seen.Order()); // only ever forward: validating → in_progress → finalizing → completed
        Assert.Equal(new BatchRequestCounts(2, 1, 1), done.Counts);
        var lines = await OutputAsync(done.OutputFileId!);
        Assert.Equal(["shot-001", "shot-002"], lines.Select(l => l.GetProperty("custom_id").GetString()));
        var ok = lines[0].GetProperty("response");
        Assert.Equal(200, ok.GetProperty("status_code").GetInt32());
        Assert.Equal("completed", ok.GetProperty("body").GetProperty("status").GetString());
        var refused = lines[1].GetProperty("response");
        Assert.Equal(400, refused.GetProperty("status_code").GetInt32());
        Assert.Equal("seconds", refused.GetProperty("body").GetProperty("error").GetProperty("param").GetString());

        var videoId = ok.GetProperty("body").GetProperty("id").GetString()!;
        Assert.True((await server.Client.DownloadContentAsync(videoId, ContentVariant.Video, Stream.Null)).IsSuccess);
    }

    [Fact]
    public async Task Batch_WithMalformedLines_FailsWithLineNumbers()
    {
        var input = await UploadAsync("not json", """{"custom_id":"a","method":"POST","url":"/v1/videos/edits","body":{}}""");
        var batch = (await server.Client.CreateBatchAsync(new BatchCreateRequest(input.Id))).GetValueOrThrow();

        var done = await Polling.UntilAsync(async () => (await server.Client.GetBatchAsync(batch.Id)).GetValueOrThrow(), b => b.IsTerminal);

        Assert.Equal(ProviderBatchStatus.Failed, done.Status);
        Assert.Equal(2, done.Errors.Count);
        Assert.Contains("/v1/videos", done.Errors[1]);
    }

    [Fact]
    public async Task Cancel_StopsTheBatch_AndUnknownBatchesAreNotFound()
    {
        var input = await UploadAsync("""{"custom_id":"x","method":"POST","url":"/v1/videos","body":{"prompt":"provider-block-test"}}""");
        var batch = (await server.Client.CreateBatchAsync(new BatchCreateRequest(input.Id))).GetValueOrThrow();

        var cancelling = (await server.Client.CancelBatchAsync(batch.Id)).GetValueOrThrow();
        Assert.Equal(ProviderBatchStatus.Cancelling, cancelling.Status);
        var done = await Polling.UntilAsync(async () => (await server.Client.GetBatchAsync(batch.Id)).GetValueOrThrow(), b => b.IsTerminal);
        Assert.Equal(ProviderBatchStatus.Cancelled, done.Status);

        Assert.Equal(ProviderErrorKind.NotFound, (await server.Client.GetBatchAsync("batch_nope")).Error!.Kind);
        Assert.Equal(ProviderErrorKind.NotFound, (await server.Client.CreateBatchAsync(new BatchCreateRequest("file-nope"))).Error!.Kind);
    }

    private async Task<ProviderFile> UploadAsync(params string[] lines)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        return (await server.Client.UploadBatchFileAsync(new UploadFile(content, "input.jsonl", "application/jsonl"))).GetValueOrThrow();
    }

    private async Task<List<JsonElement>> OutputAsync(string fileId)
    {
        using var buffer = new MemoryStream();
        (await server.Client.DownloadFileContentAsync(fileId, buffer)).GetValueOrThrow();
        return Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>
/// Moves batches validating → in_progress → finalizing → completed: checks the input JSONL, starts one ordinary video
/// job per line (they render like any other), waits for all of them, then writes the output JSONL with one line per
/// custom_id. A cancelled batch starts nothing more and reports what was started.
/// </summary>
public sealed class LocalBatchWorker(LocalProviderStore store, LocalVideoService videos, LocalFileService files,
    TimeProvider clock, ILogger<LocalBatchWorker> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var batch in store.Batches.All.OrderBy(b => b.CreatedAt))
            {
                try { await StepAsync(batch, stop); }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Local batch {BatchId} failed", batch.Id); }
            }
            try { await Task.Delay(Tick, clock, stop); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task StepAsync(LocalBatch batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (batch.Status)
        {
            case LocalBatchStatus.Validating:
                var (lines, errors) = await ReadInputAsync(batch.InputFileId, ct);
                store.Batches.Update(batch.Id, b => b.Status != LocalBatchStatus.Validating ? b : errors.Count > 0
                    ? b with { Status = LocalBatchStatus.Failed, Errors = errors, FailedAt = now }
                    : b with { Status = LocalBatchStatus.InProgress, Lines = lines, InProgressAt = now });
                break;
            case LocalBatchStatus.InProgress:
                var started = new List<LocalBatchLine>();
                foreach (var line in batch.Lines) started.Add(line.Started ? line : await StartAsync(batch.Id, line, ct));
                var done = started.All(l => l.Error is not null || store.Jobs.Get(l.JobId!) is not { IsTerminal: false });
                store.Batches.Update(batch.Id, b => b.Status != LocalBatchStatus.InProgress ? b with { Lines = started }
                    : b with { Lines = started, Status = done ? LocalBatchStatus.Finalizing : b.Status, FinalizingAt = done ? now : null });
                break;
            case LocalBatchStatus.Finalizing:
                var output = WriteOutput(batch);
                store.Batches.Update(batch.Id, b => b with { Status = LocalBatchStatus.Completed, OutputFileId = output, CompletedAt = now });
                break;
            case LocalBatchStatus.Cancelling:
                var partial = WriteOutput(batch);
                store.Batches.Update(batch.Id, b => b with { Status = LocalBatchStatus.Cancelled, OutputFileId = partial, CancelledAt = now });
                break;
        }
    }

    private async Task<LocalBatchLine> StartAsync(string batchId, LocalBatchLine line, CancellationToken ct)
    {
        try
        {
            var body = JsonNode.Parse(line.BodyJson) as JsonObject ?? new JsonObject();
            var job = await videos.CreateAsync(WireRequest.FromJson(body), LocalFaults.None, batchId, ct);
            return line with { JobId = job.Id };
        }
        catch (WireError error)
        {
            return line with { ErrorStatus = error.Status, Error = error.ToDto() };
        }
    }

    private async Task<(List<LocalBatchLine>, List<BatchErrorDto>)> ReadInputAsync(string fileId, CancellationToken ct)
    {
        var lines = new List<LocalBatchLine>();
        var errors = new List<BatchErrorDto>();
        var text = await File.ReadAllLinesAsync(store.Paths.FileContent(fileId), ct);
        var seen = new HashSet<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(text[i])) continue;
            BatchInputLineDto? input = null;
            try { input = JsonSerializer.Deserialize<BatchInputLineDto>(text[i], WireJson.Responses); }
            catch (JsonException) { /* reported below */ }
            var problem = input switch
            {
                null => "This line is not a JSON object.",
                { CustomId: null or "" } => "Missing 'custom_id'.",
                _ when !seen.Add(input.CustomId!) => $"The custom_id '{input.CustomId}' is used more than once.",
                { Method: not "POST" } => "Only the POST method is supported.",
                { Url: not LocalBatchService.VideosEndpoint } => $"Only the '{LocalBatchService.VideosEndpoint}' url is supported.",
                { Body: not { ValueKind: JsonValueKind.Object } } => "Missing 'body' object.",
                _ => null,
            };
            if (problem is not null) errors.Add(new BatchErrorDto { Code = "invalid_request", Message = problem, Line = i + 1 });
            else lines.Add(new LocalBatchLine(input!.CustomId!, input.Body!.Value.GetRawText()));
        }
        if (lines.Count == 0 && errors.Count == 0) errors.Add(new BatchErrorDto { Code = "empty_file", Message = "The input file has no requests." });
        return (lines, errors);
    }

    private string WriteOutput(LocalBatch batch)
    {
        var output = new StringBuilder();
        foreach (var line in batch.Lines)
        {
            var job = line.JobId is null ? null : store.Jobs.Get(line.JobId);
            var result = new BatchOutputLineDto { Id = LocalProviderStore.NewId("batch_req_"), CustomId = line.CustomId };
            if (job is not null)
                result.Response = Response(200, videos.ToDto(job));
            else if (line.Error is not null)
                result.Response = Response(line.ErrorStatus ?? 400, new ErrorEnvelopeDto { Error = line.Error });
            else
                result.Error = new ErrorDto { Code = "batch_cancelled", Message = "The batch was cancelled before this request started." };
            output.Append(JsonSerializer.Serialize(result, WireJson.Responses)).Append('\n');
        }
        return files.Write($"{batch.Id}_output.jsonl", LocalFileService.OutputPurpose, Encoding.UTF8.GetBytes(output.ToString())).Id;
    }

    private static BatchOutputResponseDto Response<T>(int status, T body) => new()
    {
        StatusCode = status,
        RequestId = LocalProviderStore.NewId("req_"),
        Body = JsonSerializer.SerializeToElement(body, WireJson.Responses),
    };
}

using VideoHub.Domain.Batches;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Batches;
using VideoHub.Features.Batches.Parsing;

namespace VideoHub.Features.Api.Endpoints;

public sealed record ApiBatchCounts(int Total, int Finished, int InFlight, int Percent, IReadOnlyDictionary<RenderState, int> ByState);

public sealed record ApiBatch(Guid Id, Guid ProjectId, string Name, BatchMode Mode, BatchSource Source, BatchStatus Status,
    string CreatedByName, DateTime CreatedAt, DateTime? FinishedAt, decimal EstimatedCostUsd, ApiBatchCounts Counts,
    double? SecondsLeft, string? DecisionNote)
{
    public static ApiBatch From(BatchView v)
    {
        var s = v.Summary;
        return new(s.Id, s.ProjectId, s.Name, s.Mode, s.Source, s.Status, s.CreatedByName, s.CreatedAt, s.FinishedAt, s.EstimatedCostUsd,
            new ApiBatchCounts(s.Counts.Total, s.Counts.Finished, s.Counts.InFlight, s.Counts.Percent, s.Counts.ByState),
            v.TimeLeft?.TotalSeconds, v.DecisionNote);
    }
}

public sealed record ApiBatchIssue(int LineNumber, string? CustomId, string Field, Domain.Policy.FindingSeverity Severity, string Message)
{
    public static ApiBatchIssue From(RowIssue i) => new(i.LineNumber, i.CustomId, i.Field, i.Severity, i.Message);
}

public sealed record ApiBatchRow(int LineNumber, string CustomId, int Attempt, Guid RenderRequestId, RenderState State, int Progress,
    string? FailureReason, Guid? TakeId)
{
    public static ApiBatchRow From(BatchRowView r) => new(r.LineNumber, r.CustomId, r.Attempt, r.RequestId, r.State, r.Progress,
        r.FailureReason?.Code(), r.VideoId);
}

/// <summary>
/// Marks the batch upload for the OpenAPI document (JSONL or a multipart file). Not Accepts metadata: routing would
/// then refuse other bodies before authentication, and a caller without a token must get 401 first.
/// </summary>
public sealed class BatchBodyMetadata;

/// <summary>/api/v1/projects/{id}/batches: create from a JSONL body (or an uploaded file), progress, rows, cancel — the batch service's rules.</summary>
public static class BatchEndpoints
{
    public static RouteGroupBuilder MapBatchEndpoints(this RouteGroupBuilder api)
    {
        var batches = api.MapGroup("/projects/{projectId:guid}/batches").WithTags("Batches");

        api.MapPost("/projects/{projectId:guid}/batches", CreateAsync).WithTags("Batches").WithName("CreateBatch").WithMetadata(new IdempotentCreateMetadata())
            .WithMetadata(new BatchBodyMetadata())
            .WithSummary("Starts a batch from a JSONL body (one object per line: custom_id, prompt, model, size, seconds, catalog_items, or an OpenAI batch line), or a .jsonl/.csv uploaded as the form field 'file'. Query: name, mode (Direct or Provider), dropFailingRows, warningReason. Every row is pre-checked; a refusal answers 422 with the issues.")
            .Produces<ApiBatch>(201).ProducesValidationProblem(422).ProducesProblem(403).ProducesProblem(404);

        batches.MapGet("/{batchId:guid}", async Task<IResult> (Guid projectId, Guid batchId, ApiCaller caller, BatchService service,
            CancellationToken ct) =>
            await service.GetAsync(caller.Require(), projectId, batchId, ct) is { } b ? TypedResults.Ok(ApiBatch.From(b)) : ApiProblems.NotFound())
            .WithName("GetBatch").WithSummary("A batch's status and progress: its rows counted by state, percent finished, time left.")
            .Produces<ApiBatch>().ProducesProblem(404);

        batches.MapGet("/{batchId:guid}/rows", async Task<IResult> (Guid projectId, Guid batchId, RenderState? state, int? skip, int? limit,
            ApiCaller caller, BatchService service, CancellationToken ct) =>
            await service.RowsAsync(caller.Require(), projectId, batchId, state, skip ?? 0, Math.Clamp(limit ?? 100, 1, 1000), ct) is { } rows
                ? TypedResults.Ok(rows.Select(ApiBatchRow.From).ToList()) : ApiProblems.NotFound())
            .WithName("ListBatchRows").WithSummary("The batch's rows in file order (latest attempt each), with their render request and take.")
            .Produces<List<ApiBatchRow>>().ProducesProblem(404);

        batches.MapPost("/{batchId:guid}/cancel", async Task<IResult> (Guid projectId, Guid batchId, ApiCaller caller, BatchService service,
            CancellationToken ct) =>
        {
            var actor = caller.Require();
            if (await service.GetAsync(actor, projectId, batchId, ct) is null) return ApiProblems.NotFound();
            var result = await service.CancelAsync(actor, batchId, ct);
            if (!result.Succeeded) return Refusal(result);
            return TypedResults.Ok(ApiBatch.From((await service.GetAsync(actor, projectId, batchId, ct))!));
        }).WithName("CancelBatch").WithSummary("Cancels every row not yet sent (the batch's author, Owners, Admins); renders already sent finish.")
            .Produces<ApiBatch>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<IResult> CreateAsync(Guid projectId, string? name, BatchMode? mode, bool? dropFailingRows, string? warningReason,
        ApiCaller caller, HttpContext http, BatchService service, TimeProvider clock, Idempotency idempotency, CancellationToken ct)
    {
        var (parsed, problem) = await ReadAsync(http, ct);
        if (parsed is null) return ApiProblems.Problem(400, "The request could not be read", problem);
        var rows = new { parsed.Rows, parsed.Issues };
        return await idempotency.RunAsync(http, caller, new { projectId, name, mode, dropFailingRows, warningReason, rows }, async () =>
        {
            var actor = caller.Require();
            if (parsed.IsRefused) return Refused(parsed.Issues[0].Message, parsed.Issues);
            var draft = new BatchDraft(string.IsNullOrWhiteSpace(name) ? $"API batch {clock.GetUtcNow():yyyy-MM-dd HH:mm}" : name,
                mode ?? BatchMode.Direct, BatchSource.Api, parsed.Rows) { ParseIssues = parsed.Issues, AcknowledgementReason = warningReason };
            var result = await service.CreateAsync(actor, projectId, draft, dropFailingRows ?? false, ct);
            if (result.Outcome != BatchOutcome.Ok && result.Outcome != BatchOutcome.Invalid) return ApiAnswer.FromProblem(Refusal(result));
            if (!result.Succeeded)
            {
                var preview = await service.PreviewAsync(actor, projectId, draft, ct);
                return Refused(result.Message ?? "", preview?.AllIssues.ToList() ?? []);
            }
            var created = (await service.GetAsync(actor, projectId, result.Value, ct))!;
            return new ApiAnswer(201, ApiBatch.From(created), $"/api/v1/projects/{projectId}/batches/{created.Summary.Id}");
        });
    }

    /// <summary>The rows from a JSONL body, or from a .jsonl/.csv file field (size limits as the page's); null with what to fix.</summary>
    private static async Task<(ParsedFile? Parsed, string Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        ParsedFile parsed;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try { form = await request.ReadFormAsync(ct); }
            catch (InvalidDataException) { return (null, "The multipart body could not be read."); }
            if (form.Files.GetFile("file") is not { } file) return (null, "Upload the batch file as the form field 'file'.");
            await using var stream = file.OpenReadStream();
            parsed = await BatchFileParser.ParseAsync(stream, file.FileName, ct);
        }
        else
        {
            var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (type is not ("application/jsonl" or "application/x-ndjson" or "application/x-jsonlines" or "text/plain"))
                return (null, "Send the rows as JSONL with 'Content-Type: application/jsonl', or upload a file as the form field 'file'.");
            parsed = await BatchFileParser.ParseAsync(request.Body, "body.jsonl", ct);
        }
        return (parsed, "");
    }

    private static ApiAnswer Refused(string detail, IEnumerable<RowIssue> issues) => ApiAnswer.FromProblem(ApiProblems.Invalid(detail,
        extensions: new Dictionary<string, object?> { ["issues"] = issues.Select(ApiBatchIssue.From).ToList() }));

    private static IResult Refusal<T>(BatchResult<T> result) => result.Outcome switch
    {
        BatchOutcome.NotFound => ApiProblems.NotFound(),
        BatchOutcome.Forbidden => ApiProblems.Forbidden(result.Message ?? ""),
        BatchOutcome.Conflict => ApiProblems.Conflict(result.Message ?? ""),
        _ => ApiProblems.Invalid(result.Message ?? ""),
    };
}

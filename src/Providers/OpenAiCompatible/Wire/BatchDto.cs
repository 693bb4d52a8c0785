using System.Text.Json;

namespace VideoHub.Providers.OpenAiCompatible.Wire;

public sealed class FileDto
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "file";
    public long Bytes { get; set; }
    public long CreatedAt { get; set; }
    public long? ExpiresAt { get; set; }
    public string? Filename { get; set; }
    public string? Purpose { get; set; }
    public string? Status { get; set; }
    public string? StatusDetails { get; set; }
}

/// <summary>The Batch object (reference §7).</summary>
public sealed class BatchDto
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "batch";
    public string? Endpoint { get; set; }
    public BatchErrorsDto? Errors { get; set; }
    public string InputFileId { get; set; } = "";
    public string? CompletionWindow { get; set; }
    public string? Status { get; set; }
    public string? OutputFileId { get; set; }
    public string? ErrorFileId { get; set; }
    public long? CreatedAt { get; set; }
    public long? InProgressAt { get; set; }
    public long? ExpiresAt { get; set; }
    public long? FinalizingAt { get; set; }
    public long? CompletedAt { get; set; }
    public long? FailedAt { get; set; }
    public long? ExpiredAt { get; set; }
    public long? CancellingAt { get; set; }
    public long? CancelledAt { get; set; }
    public BatchCountsDto? RequestCounts { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
}

public sealed class BatchErrorsDto
{
    public string Object { get; set; } = "list";
    public List<BatchErrorDto> Data { get; set; } = [];
}

public sealed class BatchErrorDto
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? Param { get; set; }
    public int? Line { get; set; }
}

public sealed class BatchCountsDto
{
    public int Total { get; set; }
    public int Completed { get; set; }
    public int Failed { get; set; }
}

/// <summary>One line of a batch input file.</summary>
public sealed class BatchInputLineDto
{
    public string? CustomId { get; set; }
    public string? Method { get; set; }
    public string? Url { get; set; }
    public JsonElement? Body { get; set; }
}

/// <summary>One line of a batch output file: the response a POST /v1/videos would have given.</summary>
public sealed class BatchOutputLineDto
{
    public string Id { get; set; } = "";
    public string? CustomId { get; set; }
    public BatchOutputResponseDto? Response { get; set; }
    public ErrorDto? Error { get; set; }
}

public sealed class BatchOutputResponseDto
{
    public int StatusCode { get; set; }
    public string RequestId { get; set; } = "";
    public JsonElement Body { get; set; }
}

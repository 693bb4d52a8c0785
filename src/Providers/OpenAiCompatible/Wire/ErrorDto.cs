namespace VideoHub.Providers.OpenAiCompatible.Wire;

/// <summary>The error envelope: {"error":{"message","type","param","code"}}.</summary>
public sealed class ErrorEnvelopeDto
{
    public ErrorDto? Error { get; set; }
}

public sealed class ErrorDto
{
    public string? Message { get; set; }
    public string? Type { get; set; }
    public string? Param { get; set; }
    public string? Code { get; set; }
}

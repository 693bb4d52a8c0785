using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>
/// A request-level refusal, answered with the OpenAI error envelope {"error":{"message","type","param","code"}}.
/// Thrown anywhere in a handler; the endpoint filter turns it into the response.
/// </summary>
public sealed class WireError(int status, string message, string type, string? param, string? code) : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string? Param { get; } = param;
    public string? Code { get; } = code;

    public ErrorEnvelopeDto ToEnvelope() => new() { Error = ToDto() };
    public ErrorDto ToDto() => new() { Message = Message, Type = Type, Param = Param, Code = Code };

    public static WireError Invalid(string message, string? param, string? code = "invalid_value") =>
        new(400, message, "invalid_request_error", param, code);

    public static WireError Missing(string param) =>
        new(400, $"Missing required parameter: '{param}'.", "invalid_request_error", param, "missing_required_parameter");

    public static WireError NotFound(string message, string? param = null) =>
        new(404, message, "invalid_request_error", param, null);

    public static WireError Unauthorized(string message, string? code) =>
        new(401, message, "invalid_request_error", null, code);

    public static WireError RateLimited() =>
        new(429, "Rate limit reached for requests. Please try again shortly.", "requests", null, "rate_limit_exceeded");

    public static WireError Server() =>
        new(500, "The server had an error while processing your request. Sorry about that!", "server_error", null, null);

    public static WireError TooLarge(long limit) =>
        new(413, $"The request is too large; the limit is {limit} bytes.", "invalid_request_error", null, "request_too_large");
}

using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;

namespace VideoHub.Features.Api.Infrastructure;

/// <summary>
/// RFC 9457 answers of the API. "Not found" never says whether the thing exists elsewhere: an unknown id and one
/// in a project the caller is not a member of answer the same.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";
    public const string NotFoundDetail = "It does not exist, or your token has no access to it.";

    public static IResult NotFound() => Problem(StatusCodes.Status404NotFound, "Not found", NotFoundDetail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult Invalid(string detail, IDictionary<string, string[]>? errors = null,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new HttpValidationProblemDetails(errors ?? new Dictionary<string, string[]>())
        {
            Status = StatusCodes.Status422UnprocessableEntity, Title = "The request is invalid", Detail = detail,
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        };
        foreach (var (k, v) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[k] = v;
        return TypedResults.Problem(problem);
    }

    public static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>A service's <see cref="Result"/> as an answer; field errors keep their field names (camelCase).</summary>
    public static IResult From(Result result) => result.Status switch
    {
        ResultStatus.NotFound => NotFound(),
        ResultStatus.Forbidden => Forbidden(result.Message),
        _ => Invalid(result.Message, result.Errors.Where(e => e.Key != Result.GeneralKey)
            .ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => new[] { e.Value })),
    };

    public static IResult From<T>(RenderResult<T> result) => result.Outcome switch
    {
        RenderOutcome.NotFound => NotFound(),
        RenderOutcome.Forbidden => Forbidden(result.Message ?? ""),
        RenderOutcome.Conflict => Conflict(result.Message ?? ""),
        _ => Invalid(result.Message ?? ""),
    };

    /// <summary>For answers written outside an endpoint (the authentication handler, the rate limiter).</summary>
    public static Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        var body = new ProblemDetails { Status = status, Title = title, Detail = detail };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), http.RequestAborted);
    }
}

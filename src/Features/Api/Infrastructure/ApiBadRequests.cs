namespace VideoHub.Features.Api.Infrastructure;

/// <summary>
/// When minimal APIs cannot bind a call (malformed JSON, a missing body, a body that is not JSON, a query value of
/// the wrong type) they answer an empty 400 or 415 before any endpoint filter runs, and the app's status code pages
/// would then re-execute an HTML page. Wrapping each /api/v1 endpoint's request delegate turns those into a 400
/// problem that says what to fix.
/// </summary>
public static class ApiBadRequests
{
    public static RouteGroupBuilder AnswerBindingFailuresAsProblems(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Finally(builder =>
        {
            if (builder.RequestDelegate is not { } inner) return;
            builder.RequestDelegate = async http =>
            {
                await inner(http);
                var status = http.Response.StatusCode;
                if (http.Response.HasStarted || status is not (StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType))
                    return;
                if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                await ApiProblems.WriteAsync(http, StatusCodes.Status400BadRequest, "The request could not be read", Detail(http, status));
            };
        });
        return group;
    }

    private static string Detail(HttpContext http, int status)
    {
        if (status == StatusCodes.Status415UnsupportedMediaType || (http.Request.ContentLength > 0 && !http.Request.HasJsonContentType()))
            return "Send the body as JSON with 'Content-Type: application/json'.";
        if (http.Request.ContentLength is 0 or null && HttpMethods.IsPost(http.Request.Method) && !http.Request.Headers.ContainsKey("Transfer-Encoding"))
            return "This call needs a JSON body; it was empty.";
        return "The JSON body is malformed, or a value has the wrong type (check the body and the query parameters against /openapi/v1.json).";
    }
}

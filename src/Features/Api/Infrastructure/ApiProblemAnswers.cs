namespace VideoHub.Features.Api.Infrastructure;

/// <summary>
/// Empty error answers under /api/v1 become problem details. Minimal APIs answer an empty 400 when they cannot bind
/// a call (malformed JSON, a missing body, a query value of the wrong type) and routing answers an empty 415 for a
/// body type the endpoint does not take, both before any endpoint filter runs; without this the app's status code
/// pages would re-execute an HTML page. Unreadable input answers 400 saying what to fix; an unknown route 404.
/// Sits inside the status code pages middleware so it writes first.
/// </summary>
public static class ApiProblemAnswers
{
    public static IApplicationBuilder UseApiProblemAnswers(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(ApiFeature.Prefix), api => api.Use(async (http, next) =>
        {
            await next(http);
            var status = http.Response.StatusCode;
            if (http.Response.HasStarted || http.Response.ContentLength > 0) return;
            if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            switch (status)
            {
                case StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType:
                    await ApiProblems.WriteAsync(http, StatusCodes.Status400BadRequest, "The request could not be read", Detail(http, status));
                    break;
                case StatusCodes.Status404NotFound:
                    await ApiProblems.WriteAsync(http, status, "Not found", ApiProblems.NotFoundDetail);
                    break;
                case StatusCodes.Status405MethodNotAllowed:
                    await ApiProblems.WriteAsync(http, status, "Method not allowed", "This route does not take that method; see /openapi/v1.json.");
                    break;
            }
        }));

    private static string Detail(HttpContext http, int status)
    {
        var request = http.Request;
        if (status == StatusCodes.Status415UnsupportedMediaType || (request.ContentLength > 0 && !request.HasJsonContentType()))
            return $"This call does not take a body of type '{request.ContentType}'. Send JSON with 'Content-Type: application/json' (a batch takes 'application/jsonl' or a multipart file).";
        if (request.ContentLength is 0 or null && HttpMethods.IsPost(request.Method) && !request.Headers.ContainsKey("Transfer-Encoding"))
            return "This call needs a JSON body; it was empty.";
        return "The JSON body is malformed, or a value has the wrong type (check the body and the query parameters against /openapi/v1.json).";
    }
}

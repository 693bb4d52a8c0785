using VideoHub.Domain.Rendering;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests;

namespace VideoHub.Features.Api.Endpoints;

public sealed record ApiRenderEvent(RenderState From, RenderState To, DateTime At, string By, string? Message);

public sealed record ApiRenderRequest(Guid Id, Guid ProjectId, string AuthorName, RenderOperation Operation, string Prompt,
    string ProviderId, string Model, string Size, int Seconds, Guid? ParentVideoId, RenderState State, int Progress,
    string? FailureReason, string? ProviderMessage, decimal EstimatedCostUsd, decimal? ActualCostUsd, string? AcknowledgementReason,
    string? DecisionNote, Guid? TakeId, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ApiFinding>? Findings,
    IReadOnlyList<ApiRenderEvent>? History)
{
    public static ApiRenderRequest From(RenderRequestView r, bool full) => new(r.Id, r.ProjectId, r.AuthorName, r.Operation,
        r.Prompt, r.ProviderId, r.Model, r.Size, r.Seconds, r.ParentVideoId, r.State, r.Progress, r.FailureReason?.Code(),
        r.ProviderMessage, r.EstimatedCostUsd, r.ActualCostUsd, r.AcknowledgementReason, r.DecisionNote, r.VideoId,
        r.CreatedAt, r.UpdatedAt,
        full ? RequestFormService.ReadSnapshot(r.PreCheckJson)?.Findings?.Select(ApiFinding.From).ToList() ?? [] : null,
        full ? r.History.Select(e => new ApiRenderEvent(e.From, e.To, e.At, e.By, e.Message)).ToList() : null);
}

public sealed record ApiRenderPage(IReadOnlyList<ApiRenderRequest> Items, string? NextCursor);

/// <summary>/api/v1 render requests: create (pre-checked like the form), list with filters and cursor, get, cancel.</summary>
public static class RenderRequestEndpoints
{
    public static RouteGroupBuilder MapRenderRequestEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Render requests");

        group.MapPost("/projects/{projectId:guid}/render-requests", CreateAsync).WithName("CreateRenderRequest")
            .WithSummary("Requests a render. The pre-check runs first: a block answers 422 with the findings; warnings need acknowledgeWarnings and a warningReason. Send an Idempotency-Key to make retries safe.")
            .Produces<ApiRenderRequest>(201).ProducesValidationProblem(422).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithMetadata(new IdempotentCreateMetadata());

        group.MapGet("/projects/{projectId:guid}/render-requests", async Task<IResult> (Guid projectId, ApiCaller caller,
            RenderRequestService renders, RenderState? state, string? model, DateTime? from, DateTime? to, string? cursor, int? limit,
            CancellationToken ct) =>
        {
            var page = await renders.ListAsync(caller.Require(), projectId,
                new RenderListQuery(state, null, model, from?.ToUniversalTime(), to?.ToUniversalTime(), cursor, limit ?? 25), ct);
            return page is null ? ApiProblems.NotFound()
                : TypedResults.Ok(new ApiRenderPage(page.Items.Select(r => ApiRenderRequest.From(r, false)).ToList(), page.NextCursor));
        }).WithName("ListRenderRequests")
            .WithSummary("A project's render requests, newest first; pass nextCursor back as cursor for the next page (limit 1–100).")
            .Produces<ApiRenderPage>().ProducesProblem(404);

        group.MapGet("/render-requests/{requestId:guid}", async Task<IResult> (Guid requestId, ApiCaller caller,
            RenderRequestService renders, CancellationToken ct) =>
            await renders.GetAsync(caller.Require(), requestId, ct) is { } r
                ? TypedResults.Ok(ApiRenderRequest.From(r, true)) : ApiProblems.NotFound())
            .WithName("GetRenderRequest").WithSummary("One render request with its state, progress, findings and history.")
            .Produces<ApiRenderRequest>().ProducesProblem(404);

        group.MapPost("/render-requests/{requestId:guid}/cancel", async Task<IResult> (Guid requestId, ApiCaller caller,
            RenderRequestService renders, CancellationToken ct) =>
        {
            var result = await renders.CancelAsync(caller.Require(), requestId, ct);
            return result.Succeeded ? TypedResults.Ok(ApiRenderRequest.From(result.Value!, true)) : ApiProblems.From(result);
        }).WithName("CancelRenderRequest").WithSummary("Cancels a render that has not finished (its author, Owners, Admins).")
            .Produces<ApiRenderRequest>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<IResult> CreateAsync(Guid projectId, ApiCreateRenderRequest body, ApiCaller caller, HttpContext http,
        ApiRenderForm form, RequestFormService requests, RenderRequestService renders, Idempotency idempotency, CancellationToken ct) =>
        await idempotency.RunAsync(http, caller, new { projectId, body }, async () =>
        {
            var actor = caller.Require();
            var (prepared, refusal) = await form.PrepareAsync(actor, projectId, body.ToInput(), ct);
            if (refusal is not null) return ApiAnswer.FromProblem(refusal);
            return await SubmitAsync(actor, prepared!, body.AcknowledgeWarnings, body.WarningReason, renders,
                input => requests.SubmitAsync(actor, projectId, input, ct), ct);
        });

    /// <summary>
    /// The form's rules for a checked request: a block answers 422 with the findings, warnings need an acknowledgement
    /// with a reason, then the form's own submission (which checks everything again) creates it.
    /// </summary>
    internal static async Task<ApiAnswer> SubmitAsync(Domain.Users.Actor actor, PreparedRender prepared, bool acknowledge,
        string? warningReason, RenderRequestService renders, Func<RequestFormInput, Task<SubmitOutcome>> submit, CancellationToken ct)
    {
        var check = prepared.Check;
        var findings = check.Findings.Select(ApiFinding.From).ToList();
        if (check.IsBlocked)
            return Problem(422, "The pre-check blocks this request", "Change the request as the findings suggest.", findings);
        var reason = warningReason?.Trim();
        if (RequestFormService.NeedsConfirmation(check) && (!acknowledge || string.IsNullOrEmpty(reason)))
            return Problem(422, "The pre-check warns about this request",
                "Send acknowledgeWarnings: true with a warningReason saying why it should go ahead.", findings,
                new Dictionary<string, string[]> { ["warningReason"] = ["Say why the request should go ahead despite the warnings."] });

        prepared.Input.WarningReason = reason;
        var outcome = await submit(prepared.Input);
        if (!outcome.Succeeded) return Problem(422, "The request was not accepted", outcome.Error ?? "", findings);
        var created = await renders.GetAsync(actor, outcome.RequestId!.Value, ct);
        return new ApiAnswer(201, ApiRenderRequest.From(created!, true), $"/api/v1/render-requests/{created!.Id}");
    }

    private static ApiAnswer Problem(int status, string title, string detail, IReadOnlyList<ApiFinding> findings,
        Dictionary<string, string[]>? errors = null) =>
        new(status, new Dictionary<string, object?>
        {
            ["type"] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21", ["title"] = title, ["status"] = status,
            ["detail"] = detail, ["errors"] = errors ?? new Dictionary<string, string[]>(), ["findings"] = findings,
        });
}

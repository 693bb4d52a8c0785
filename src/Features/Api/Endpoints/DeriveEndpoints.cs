using VideoHub.Domain.Rendering;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Lineage;
using VideoHub.Features.Rendering;

namespace VideoHub.Features.Api.Endpoints;

/// <summary>
/// A remix, edit or extension of a take. Provider, model and size come from the take (and the length too, except for
/// an extension); the pre-check and the budget rules are the derive form's.
/// </summary>
public sealed record ApiDeriveRequest
{
    /// <summary>Remix: the whole take described again; edit: the one change; extend: what happens next.</summary>
    public string Prompt { get; init; } = "";
    /// <summary>Extend only: the new segment's length (the model's first allowed length when left out).</summary>
    public int? Seconds { get; init; }
    public bool AcknowledgeWarnings { get; init; }
    public string? WarningReason { get; init; }
}

public sealed record ApiLineageNode(Guid Id, Guid? ParentId, RenderOperation Operation, ReviewState ReviewState, double DurationSeconds,
    string Prompt, DateTime CreatedAt, IReadOnlyList<Guid> SourceIds);

/// <summary>A take's family (ancestors and descendants) and its extension chain against the model's limits.</summary>
public sealed record ApiLineage(Guid TakeId, IReadOnlyList<ApiLineageNode> Nodes, int ExtensionCount, double ChainSeconds,
    int MaxExtensions, int MaxChainSeconds)
{
    public static ApiLineage From(LineageTree t) => new(t.CurrentId,
        t.Nodes.Select(n => new ApiLineageNode(n.Id, n.ParentId, n.Operation, n.ReviewState, n.DurationSeconds, n.Prompt, n.CreatedAt, n.SourceIds)).ToList(),
        t.ExtensionCount, t.ChainSeconds, t.MaxExtensions, t.MaxChainSeconds);
}

/// <summary>POST /api/v1/takes/{id}/remix|edit|extend through the lineage feature's derive service, and the take's lineage.</summary>
public static class DeriveEndpoints
{
    public static RouteGroupBuilder MapDeriveEndpoints(this RouteGroupBuilder api)
    {
        var takes = api.MapGroup("/takes").WithTags("Render requests");
        foreach (var (operation, verb, summary) in new[]
        {
            (RenderOperation.Remix, "remix", "Re-renders the whole take from a new prompt."),
            (RenderOperation.Edit, "edit", "Makes one targeted change to the take."),
            (RenderOperation.Extend, "extend", "Adds a segment after the take's last frame (seconds: the segment's length)."),
        })
            takes.MapPost($"/{{takeId:guid}}/{verb}", (Guid takeId, ApiDeriveRequest body, ApiCaller caller, HttpContext http,
                ApiTakeProject projects, ApiRenderForm form, DeriveFormService derive, RenderRequestService renders, Idempotency idempotency,
                CancellationToken ct) =>
                idempotency.RunAsync(http, caller, new { takeId, verb, body }, async () =>
                {
                    var actor = caller.Require();
                    if (await projects.FindAsync(takeId, ct) is not { } projectId) return ApiAnswer.FromProblem(ApiProblems.NotFound());
                    var (prepared, refusal) = await form.PrepareDeriveAsync(actor, projectId, takeId, operation, body, ct);
                    if (refusal is not null) return ApiAnswer.FromProblem(refusal);
                    return await RenderRequestEndpoints.SubmitAsync(actor, prepared!, body.AcknowledgeWarnings, body.WarningReason, renders,
                        input => derive.SubmitAsync(actor, projectId, input, ct), ct);
                }))
                .WithName(operation + "Take").WithMetadata(new IdempotentCreateMetadata())
                .WithSummary(summary + " Editors and Owners; the pre-check runs first (a block answers 422 with the findings; warnings need acknowledgeWarnings and a warningReason).")
                .Produces<ApiRenderRequest>(201).ProducesValidationProblem(422).ProducesProblem(403).ProducesProblem(404);

        takes.MapGet("/{takeId:guid}/lineage", async Task<IResult> (Guid takeId, ApiCaller caller, ApiTakeProject projects,
            LineageService lineage, CancellationToken ct) =>
            await projects.FindAsync(takeId, ct) is { } projectId && await lineage.GetAsync(caller.Require(), projectId, takeId, ct) is { } tree
                ? TypedResults.Ok(ApiLineage.From(tree)) : ApiProblems.NotFound())
            .WithTags("Takes").WithName("GetTakeLineage")
            .WithSummary("The take's lineage: the takes it derives from and those derived from it, and its extension chain.")
            .Produces<ApiLineage>().ProducesProblem(404);
        return api;
    }
}

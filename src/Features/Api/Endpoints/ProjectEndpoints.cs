using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Api.Endpoints;

/// <summary>/api/v1/projects: the caller's projects, one project, its members (Owners and Admins), and the pre-check.</summary>
public static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjectEndpoints(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags("Projects");

        api.MapGet("/projects", async (ApiCaller caller, ProjectService service, bool? includeArchived, CancellationToken ct) =>
        {
            var list = await service.ListAsync(caller.Require(), new ProjectListFilter(includeArchived ?? false), ct);
            return TypedResults.Ok(list.Select(ApiProject.From).ToList());
        }).WithTags("Projects").WithName("ListProjects").WithSummary("The projects the token's user is a member of (all projects for Admins).");

        projects.MapGet("/{projectId:guid}", async Task<IResult> (Guid projectId, ApiCaller caller, ProjectService service, CancellationToken ct) =>
            await service.GetAsync(caller.Require(), projectId, ct) is { } p ? TypedResults.Ok(ApiProject.From(p)) : ApiProblems.NotFound())
            .WithName("GetProject").WithSummary("One project with its settings.")
            .Produces<ApiProject>().ProducesProblem(404);

        projects.MapGet("/{projectId:guid}/members", async Task<IResult> (Guid projectId, ApiCaller caller, ProjectService service,
            CancellationToken ct) =>
        {
            var project = await service.GetAsync(caller.Require(), projectId, ct);
            if (project is null) return ApiProblems.NotFound();
            if (!project.Access.CanManage) return ApiProblems.Forbidden("Only the project's Owners and Admins can list its members.");
            return TypedResults.Ok(project.Members.Select(m => new ApiMember(m.UserId, m.DisplayName, m.Email, m.Role, m.AddedAt)).ToList());
        }).WithName("ListProjectMembers").WithSummary("The project's members and roles (Owners and Admins).")
            .Produces<List<ApiMember>>().ProducesProblem(403).ProducesProblem(404);

        projects.MapPost("/{projectId:guid}/precheck", async Task<IResult> (Guid projectId, ApiRenderInput body, ApiCaller caller,
            ApiRenderForm form, CancellationToken ct) =>
        {
            var (prepared, refusal) = await form.PrepareAsync(caller.Require(), projectId, body, ct);
            if (refusal is not null) return refusal;
            return TypedResults.Ok(ApiPreCheck.From(prepared!.Check, prepared.Resolved));
        }).WithName("PreCheck")
            .WithSummary("Runs the guardrail pre-check and the cost estimate exactly as the request form does; creates nothing.")
            .Produces<ApiPreCheck>().ProducesValidationProblem(422).ProducesProblem(403).ProducesProblem(404);
        return api;
    }
}

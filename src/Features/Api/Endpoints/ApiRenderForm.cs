using VideoHub.Domain.Users;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Api.Infrastructure;
using VideoHub.Features.Lineage;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Requests;

namespace VideoHub.Features.Api.Endpoints;

/// <summary>An API render body turned into the request form's input, checked by the form's own pre-check.</summary>
public sealed record PreparedRender(RequestFormInput Input, PolicyCheckResult Check, ApiResolvedInput Resolved);

/// <summary>
/// Fills what an API caller left out with the project's defaults (as the form does) and runs the form's pre-check.
/// The refusal is an API answer: 404 for a project the caller cannot see, 403 for one they cannot request in.
/// </summary>
public sealed class ApiRenderForm(ProjectAccess access, RequestFormService form, DeriveFormService derive)
{
    public const int MaxImageBytes = 20 * 1024 * 1024;

    public async Task<(PreparedRender? Prepared, IResult? Refusal)> PrepareAsync(Actor actor, Guid projectId, ApiRenderInput body,
        CancellationToken ct)
    {
        if (await RefuseAsync(actor, projectId, ct) is { } refusal) return (null, refusal);
        var context = await form.LoadAsync(actor, projectId, ct);
        if (context is null) return (null, ApiProblems.NotFound());

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Prompt)) errors["prompt"] = ["Write a prompt."];
        byte[]? image = null;
        if (!string.IsNullOrEmpty(body.ImageBase64))
        {
            if (body.ImageBase64.Length > MaxImageBytes / 3 * 4 + 4) errors["imageBase64"] = ["The image is larger than 20 MB."];
            else
            {
                try { image = Convert.FromBase64String(body.ImageBase64); }
                catch (FormatException) { errors["imageBase64"] = ["The image is not valid base64."]; }
            }
        }
        if (errors.Count > 0) return (null, ApiProblems.Invalid("Some fields are missing or wrong.", errors));

        var d = context.Defaults;
        var input = new RequestFormInput
        {
            Prompt = body.Prompt, ProviderId = Pick(body.ProviderId, d.ProviderId), Model = Pick(body.Model, d.Model),
            Size = Pick(body.Size, d.Size), Seconds = body.Seconds ?? d.Seconds,
            ImageBytes = image, ImageContentType = body.ImageContentType,
        };
        var check = await form.CheckAsync(input, context.Budget, projectId, ct);
        return (new PreparedRender(input, check, new ApiResolvedInput(input.ProviderId, input.Model, input.Size, input.Seconds)), null);
    }

    /// <summary>A remix, edit or extension of a take in <paramref name="projectId"/>, filled from the take as the derive page does.</summary>
    public async Task<(PreparedRender? Prepared, IResult? Refusal)> PrepareDeriveAsync(Actor actor, Guid projectId, Guid takeId,
        RenderOperation operation, ApiDeriveRequest body, CancellationToken ct)
    {
        if (await RefuseAsync(actor, projectId, ct) is { } refusal) return (null, refusal);
        var source = await derive.LoadAsync(actor, projectId, takeId, ct);
        if (source is null) return (null, ApiProblems.NotFound());
        if (string.IsNullOrWhiteSpace(body.Prompt))
            return (null, ApiProblems.Invalid("Some fields are missing or wrong.", new Dictionary<string, string[]> { ["prompt"] = ["Write a prompt."] }));
        var input = new RequestFormInput
        {
            Operation = operation, ParentVideoId = takeId, ProviderId = source.ProviderId, Model = source.Model, Size = source.Size,
            Prompt = body.Prompt,
            Seconds = operation == RenderOperation.Extend ? body.Seconds ?? source.Profile?.Seconds.FirstOrDefault() ?? 4 : source.SourceSeconds,
        };
        var check = await derive.CheckAsync(input, source.Form.Budget, ct);
        return (new PreparedRender(input, check, new ApiResolvedInput(input.ProviderId, input.Model, input.Size, input.Seconds)), null);
    }

    /// <summary>404 for a project the caller cannot see, 403 for one they cannot request renders in.</summary>
    private async Task<IResult?> RefuseAsync(Actor actor, Guid projectId, CancellationToken ct)
    {
        var grant = await access.GetAsync(actor, projectId, ct);
        if (!grant.CanView) return ApiProblems.NotFound();
        if (!grant.CanEdit) return ApiProblems.Forbidden("Only Editors and Owners of the project can request renders.");
        if (grant.IsArchived) return ApiProblems.Forbidden("This project is archived; restore it to request renders.");
        return null;
    }

    private static string Pick(string? given, string fallback) => string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();
}

using System.Text.Json;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy;
using VideoHub.Features.Rendering;
using RenderOperation = VideoHub.Domain.Rendering.RenderOperation;

namespace VideoHub.Features.Requests;

/// <summary>
/// A submission the pre-check blocks is kept as a Blocked request with its findings (DESIGN §3): it shows in the
/// list and on its own page, is never sent and costs nothing. Nothing is stored when the request cannot be
/// recorded at all (no prompt, a model or size the provider does not offer): the form's findings say why.
/// </summary>
public static class BlockedRequests
{
    public static async Task<Guid?> RecordAsync(RenderRequestService renders, Actor actor, Guid projectId, RequestFormInput input,
        PolicyCheckResult check, CancellationToken ct)
    {
        var snapshot = new PreCheckSnapshot(check.Findings, check.EstimatedCost, check.NeedsApproval);
        var created = await renders.CreateAsync(actor, new NewRenderRequest(projectId,
            input.Operation == default ? RenderOperation.Create : input.Operation, input.Prompt ?? "",
            input.ProviderId, input.Model, input.Size, input.Seconds, PreCheckVerdict.Blocked,
            JsonSerializer.Serialize(snapshot, RequestFormService.Json), ParentVideoId: input.ParentVideoId), ct);
        return created.Succeeded ? created.Value!.Id : null;
    }
}

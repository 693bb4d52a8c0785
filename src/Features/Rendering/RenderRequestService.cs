using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering.Jobs;

namespace VideoHub.Features.Rendering;

/// <summary>
/// Render requests as users see them: create a checked request, cancel, approve or reject it, read it with its
/// history, list a project's requests, and the month's spend for budget checks. The jobs do the rest.
/// </summary>
public sealed partial class RenderRequestService(IDbContextFactory<VideoHubDbContext> dbFactory, AuditLog audit,
    IRenderNotifier notifier, SweepNudge nudge, TimeProvider clock)
{
    private const int MaxNoteLength = 1000;

    public async Task<RenderResult<RenderRequestView>> CreateAsync(Actor actor, NewRenderRequest input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grant = await ProjectAccess.GetAsync(db, actor, input.ProjectId, ct);
        if (!grant.CanView) return RenderResult<RenderRequestView>.NotFound();
        if (!grant.CanEdit) return RenderResult<RenderRequestView>.Forbidden("Only Editors and Owners can request renders.");
        if (grant.IsArchived) return RenderResult<RenderRequestView>.Forbidden("This project is archived; restore it to request renders.");

        var prompt = input.Prompt.Trim();
        if (prompt.Length == 0) return RenderResult<RenderRequestView>.Invalid("Write a prompt.");
        if (prompt.Length > RenderRequest.PromptMaxLength)
            return RenderResult<RenderRequestView>.Invalid($"The prompt is longer than {RenderRequest.PromptMaxLength} characters.");
        var acknowledgement = input.AcknowledgementReason?.Trim();
        if (input.Verdict != PreCheckVerdict.Blocked && input.HasWarnings && string.IsNullOrEmpty(acknowledgement))
            return RenderResult<RenderRequestView>.Invalid("The pre-check warned about this request: say why it should go ahead.");
        if (acknowledgement is { Length: > MaxNoteLength })
            return RenderResult<RenderRequestView>.Invalid($"Keep the acknowledgement under {MaxNoteLength} characters.");

        var profile = await db.ProviderModels.AsNoTracking()
            .Where(m => m.ProviderId == input.ProviderId && m.Model == input.Model && m.Enabled)
            .Where(m => db.Providers.Any(p => p.Id == m.ProviderId && p.Enabled))
            .FirstOrDefaultAsync(ct);
        if (profile is null) return RenderResult<RenderRequestView>.Invalid("This model is not available.");
        if (!profile.Seconds.Contains(input.Seconds))
            return RenderResult<RenderRequestView>.Invalid($"{input.Model} renders {string.Join(", ", profile.Seconds)} seconds.");
        if (profile.EstimateCost(input.Size, input.Seconds) is not { } estimate)
            return RenderResult<RenderRequestView>.Invalid($"{input.Model} does not render {input.Size}.");

        var now = Now;
        var request = new RenderRequest
        {
            ProjectId = input.ProjectId, AuthorId = actor.UserId, AuthorName = actor.UserName, Operation = input.Operation,
            Prompt = prompt, ProviderId = input.ProviderId, Model = profile.Model, Size = input.Size, Seconds = input.Seconds,
            ImageReferenceKey = input.ImageReferenceKey, ParentVideoId = input.ParentVideoId,
            IsRetake = input.IsRetake, StitchExtension = input.StitchExtension,
            PreCheckJson = string.IsNullOrWhiteSpace(input.PreCheckJson) ? "{}" : input.PreCheckJson,
            EstimatedCostUsd = estimate, CreatedAt = now, UpdatedAt = now,
        };
        if (input.HasWarnings && !string.IsNullOrEmpty(acknowledgement))
        {
            request.AcknowledgementReason = acknowledgement;
            request.AcknowledgedBy = actor.UserName;
            request.AcknowledgedAt = now;
        }
        var target = input.Verdict switch
        {
            PreCheckVerdict.Blocked => RenderState.Blocked,
            PreCheckVerdict.NeedsApproval => RenderState.AwaitingApproval,
            _ => RenderState.Queued,
        };
        RenderStateMachine.Move(request, target, now, actor.UserName, target == RenderState.Blocked ? "Blocked by the pre-check." : null);
        if (target == RenderState.Blocked) request.FailureReason = RenderFailureReason.BlockedByPolicy;
        if (target == RenderState.Queued) request.NextAttemptAt = now;
        db.RenderRequests.Add(request);
        // The catalog item versions (and provider character ids) this render uses, pinned with the request itself.
        foreach (var pin in input.CatalogItems ?? [])
        {
            pin.RenderRequestId = request.Id;
            db.RenderRequestCatalogItems.Add(pin);
        }

        audit.Add(db, actor, AuditActions.RenderRequested, nameof(RenderRequest), request.Id.ToString(),
            $"Requested a {request.Seconds} s {request.Model} render ({target}).", request.ProjectId, after: request.PreCheckJson);
        if (request.AcknowledgementReason is not null)
            audit.Add(db, actor, AuditActions.RenderWarningAcknowledged, nameof(RenderRequest), request.Id.ToString(),
                $"Went ahead despite pre-check warnings: {request.AcknowledgementReason}", request.ProjectId);
        await db.SaveChangesAsync(ct);
        notifier.Publish(RenderUpdate.Of(request, now));
        if (target == RenderState.Queued) nudge.Submit();
        return RenderResult<RenderRequestView>.Ok(RenderRequestView.From(request, withHistory: true));
    }

    public Task<RenderResult<RenderRequestView>> CancelAsync(Actor actor, Guid requestId, CancellationToken ct = default) =>
        DecideAsync(actor, requestId, RenderState.Cancelled, null, ct);

    public Task<RenderResult<RenderRequestView>> ApproveAsync(Actor actor, Guid requestId, string? note, CancellationToken ct = default) =>
        DecideAsync(actor, requestId, RenderState.Queued, note, ct);

    public Task<RenderResult<RenderRequestView>> RejectAsync(Actor actor, Guid requestId, string? note, CancellationToken ct = default) =>
        DecideAsync(actor, requestId, RenderState.Rejected, note, ct);

    private async Task<RenderResult<RenderRequestView>> DecideAsync(Actor actor, Guid requestId, RenderState target, string? note,
        CancellationToken ct)
    {
        note = note?.Trim();
        if (note is { Length: > MaxNoteLength }) return RenderResult<RenderRequestView>.Invalid($"Keep the note under {MaxNoteLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.RenderRequests.Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return RenderResult<RenderRequestView>.NotFound();
        var grant = await ProjectAccess.GetAsync(db, actor, request.ProjectId, ct);
        if (!grant.CanView) return RenderResult<RenderRequestView>.NotFound();

        var cancelling = target == RenderState.Cancelled;
        var allowed = cancelling ? grant.CanManage || (grant.CanEdit && request.AuthorId == actor.UserId) : grant.CanManage;
        if (!allowed)
            return RenderResult<RenderRequestView>.Forbidden(cancelling
                ? "Only the author, an Owner or an Admin can cancel this render."
                : "Only an Owner or an Admin can approve or reject renders.");
        var wrongState = cancelling ? !RenderStateMachine.CanMove(request.State, target) : request.State != RenderState.AwaitingApproval;
        if (wrongState)
            return RenderResult<RenderRequestView>.Conflict($"This render is {request.State} and can no longer be {Verb(target)}.");

        var now = Now;
        RenderStateMachine.Move(request, target, now, actor.UserName, note);
        if (!cancelling) request.DecisionNote = note;
        if (cancelling) { request.FailureReason = RenderFailureReason.Cancelled; request.NextAttemptAt = null; }
        if (target == RenderState.Queued) request.NextAttemptAt = now;
        request.Version = Guid.NewGuid();
        var action = target switch
        {
            RenderState.Queued => AuditActions.RenderApproved,
            RenderState.Rejected => AuditActions.RenderRejected,
            _ => AuditActions.RenderCancelled,
        };
        audit.Add(db, actor, action, nameof(RenderRequest), request.Id.ToString(),
            $"{char.ToUpperInvariant(Verb(target)[0])}{Verb(target)[1..]} the render request{(string.IsNullOrEmpty(note) ? "" : $": {note}")}.",
            request.ProjectId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RenderResult<RenderRequestView>.Conflict("This render changed meanwhile; look again and retry.");
        }
        notifier.Publish(RenderUpdate.Of(request, now));
        // Cancelling frees a slot at the provider; approving queues the render.
        nudge.Submit();
        return RenderResult<RenderRequestView>.Ok(RenderRequestView.From(request, withHistory: true));
    }

    private static string Verb(RenderState target) => target switch
    {
        RenderState.Queued => "approved",
        RenderState.Rejected => "rejected",
        _ => "cancelled",
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

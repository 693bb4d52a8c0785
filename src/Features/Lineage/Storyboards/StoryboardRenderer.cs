using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Lineage;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests;
using VideoHub.Media;

namespace VideoHub.Features.Lineage.Storyboards;

/// <summary>
/// Renders a storyboard: every shot is pre-checked first (nothing is created if one is blocked), then a batch
/// (Source=Storyboard, Mode=Direct) and one render request per shot ("shot-N") go through the request form's
/// submission, so cost, approval and the jobs are the usual ones. A shot that continues the previous one waits as a
/// Draft until the previous shot's take exists; <see cref="StoryboardSweep"/> then gives it that take's last frame
/// as image reference and queues it.
/// </summary>
public sealed class StoryboardRenderer(IDbContextFactory<VideoHubDbContext> dbFactory, RequestFormService forms, IMediaStorage storage,
    AuditLog audit, TimeProvider clock)
{
    public async Task<StoryboardResult> RenderAsync(Actor actor, Guid projectId, Guid storyboardId, CancellationToken ct = default)
    {
        var context = await forms.LoadAsync(actor, projectId, ct);
        if (context is null) return StoryboardResult.NotFound;
        List<StoryboardShot> shots;
        Storyboard board;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.Storyboards.AsNoTracking().Include(s => s.Shots).FirstOrDefaultAsync(s => s.Id == storyboardId && s.ProjectId == projectId, ct);
            if (found is null) return StoryboardResult.NotFound;
            board = found;
            shots = [.. board.Shots.OrderBy(s => s.Position)];
        }
        if (shots.Count == 0) return StoryboardResult.Fail("Add at least one shot before rendering.");

        var inputs = new List<RequestFormInput>();
        var checks = new List<Features.Policy.PolicyCheckResult>();
        foreach (var shot in shots)
        {
            var input = await InputAsync(board, shot, ct);
            var check = await forms.CheckAsync(input, context.Budget, ct);
            if (check.IsBlocked)
                return StoryboardResult.Fail($"Shot {shot.Position}: {string.Join(" ", check.Findings.Where(f => f.IsBlock).Select(f => f.Message))}");
            if (RequestFormService.NeedsConfirmation(check))
                return StoryboardResult.Fail($"Shot {shot.Position} has warnings: {string.Join(" ", check.Findings.Where(f => !f.IsBlock).Select(f => f.Message))} Change the shot first.");
            inputs.Add(input);
            checks.Add(check);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new Batch
        {
            ProjectId = projectId, Name = board.Name, Mode = BatchMode.Direct, Source = BatchSource.Storyboard, Status = BatchStatus.Running,
            CreatedById = actor.UserId, CreatedByName = actor.UserName, ProviderId = board.ProviderId,
            EstimatedCostUsd = checks.Sum(c => c.EstimatedCost ?? 0), CreatedAt = now, UpdatedAt = now,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.Batches.Add(batch);
            var tracked = await db.Storyboards.FirstAsync(s => s.Id == storyboardId, ct);
            tracked.BatchId = batch.Id;
            tracked.UpdatedAt = now;
            audit.Add(db, actor, AuditActions.StoryboardRendered, nameof(Storyboard), board.Id.ToString(),
                $"Rendered storyboard “{board.Name}” ({shots.Count} shots).", projectId);
            await db.SaveChangesAsync(ct);
        }

        for (var i = 0; i < shots.Count; i++)
        {
            var requestId = shots[i].ContinueFromPrevious
                ? await DraftAsync(actor, board, shots[i], checks[i], ct)
                : (await forms.SubmitAsync(actor, projectId, inputs[i], ct)).RequestId;
            if (requestId is null) return StoryboardResult.Fail($"Shot {shots[i].Position} could not be requested; the shots before it were.");
            await LinkAsync(shots[i].Id, requestId.Value, batch.Id, $"shot-{shots[i].Position}", ct);
        }
        return StoryboardResult.Ok(batch.Id);
    }

    private async Task<RequestFormInput> InputAsync(Storyboard board, StoryboardShot shot, CancellationToken ct)
    {
        var input = new RequestFormInput
        {
            ProviderId = board.ProviderId, Model = board.Model, Size = board.Size, Seconds = shot.Seconds, Prompt = shot.Prompt,
            CatalogItemIds = [.. shot.CatalogItemIds],
        };
        if (shot.ImageReferenceKey is { } key && storage.GetFile(key) is { } file)
        {
            input.ImageBytes = await File.ReadAllBytesAsync(file.FullName, ct);
            input.ImageContentType = ImageHeader.Read(input.ImageBytes)?.ContentType;
            input.ImageName = file.Name;
        }
        return input;
    }

    /// <summary>A request that waits for the previous shot's take (Draft: no job touches it until the sweep queues it).</summary>
    private async Task<Guid> DraftAsync(Actor actor, Storyboard board, StoryboardShot shot, Features.Policy.PolicyCheckResult check, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = new PreCheckSnapshot(check.Findings, check.EstimatedCost, check.NeedsApproval);
        var request = new RenderRequest
        {
            ProjectId = board.ProjectId, AuthorId = actor.UserId, AuthorName = actor.UserName, Operation = RenderOperation.Create,
            Prompt = shot.Prompt, ProviderId = board.ProviderId, Model = board.Model, Size = board.Size, Seconds = shot.Seconds,
            PreCheckJson = JsonSerializer.Serialize(snapshot, RequestFormService.Json), EstimatedCostUsd = check.EstimatedCost ?? 0,
            CreatedAt = now, UpdatedAt = now,
        };
        db.RenderRequests.Add(request);
        audit.Add(db, actor, AuditActions.RenderRequested, nameof(RenderRequest), request.Id.ToString(),
            $"Requested a {request.Seconds} s {request.Model} render that continues the previous storyboard shot (waiting for it).",
            board.ProjectId, after: request.PreCheckJson);
        await db.SaveChangesAsync(ct);
        return request.Id;
    }

    private async Task LinkAsync(Guid shotId, Guid requestId, Guid batchId, string customId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.RenderRequests.FirstAsync(r => r.Id == requestId, ct);
        request.BatchId = batchId;
        request.BatchCustomId = customId;
        var shot = await db.StoryboardShots.FirstAsync(s => s.Id == shotId, ct);
        shot.RenderRequestId = requestId;
        await db.SaveChangesAsync(ct);
    }
}

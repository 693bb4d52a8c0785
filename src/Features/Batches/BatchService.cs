using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Rendering;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Features.Rendering.Jobs;
using VideoHub.Features.Requests;
using VideoHub.Media;

namespace VideoHub.Features.Batches;

/// <summary>
/// Batches as users see them: preview a draft, create a batch from parsed rows (files, variations grids, and after
/// the merge storyboards and the API), control it, and read its progress. The render jobs do the running.
/// </summary>
public sealed partial class BatchService(IDbContextFactory<VideoHubDbContext> dbFactory, BatchPreviewer previewer, AuditLog audit,
    IMediaStorage storage, IBatchNotifier batchNotifier, SweepNudge nudge, TimeProvider clock)
{
    private const int MaxNoteLength = 1000;

    /// <summary>The project's money as the budget rule sees it now; null when the actor may not request renders here.</summary>
    public async Task<BudgetInput?> BudgetAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanEdit || grant.IsArchived) return null;
        return await BudgetAsync(db, projectId, ct);
    }

    /// <summary>Checks every row and the total; creates nothing. Null when the actor may not request renders here.</summary>
    public async Task<BatchPreview?> PreviewAsync(Actor actor, Guid projectId, BatchDraft draft, CancellationToken ct = default)
    {
        var budget = await BudgetAsync(actor, projectId, ct);
        return budget is null ? null : await previewer.PreviewAsync(projectId, draft, budget, ct);
    }

    /// <summary>
    /// Creates a batch from already-parsed rows after checking them all again. Refused (nothing created) when the
    /// budget blocks the total, when no row can run, or when rows fail and <paramref name="dropFailingRows"/> is false.
    /// </summary>
    public async Task<BatchResult<Guid>> CreateAsync(Actor actor, Guid projectId, BatchDraft draft, bool dropFailingRows,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanView) return BatchResult<Guid>.NotFound();
        if (!grant.CanEdit) return BatchResult<Guid>.Forbidden("Only Editors and Owners can start batches.");
        if (grant.IsArchived) return BatchResult<Guid>.Forbidden("This project is archived; restore it to start batches.");
        var name = draft.Name.Trim();
        if (name.Length == 0) return BatchResult<Guid>.Invalid("Give the batch a name.");
        if (name.Length > Batch.NameMaxLength) return BatchResult<Guid>.Invalid($"Keep the name under {Batch.NameMaxLength} characters.");
        var reason = draft.AcknowledgementReason?.Trim();
        if (reason is { Length: > MaxNoteLength }) return BatchResult<Guid>.Invalid($"Keep the reason under {MaxNoteLength} characters.");

        var preview = await previewer.PreviewAsync(projectId, draft, await BudgetAsync(db, projectId, ct), ct);
        if (preview.BatchIssues.FirstOrDefault(i => i.IsBlock) is { } refusal) return BatchResult<Guid>.Invalid(refusal.Message);
        if (preview.RunnableCount == 0) return BatchResult<Guid>.Invalid("No row passes the pre-check; fix the file and upload it again.");
        if (preview.HasFailingRows && !dropFailingRows)
            return BatchResult<Guid>.Invalid($"{preview.FailingCount} row(s) fail the pre-check: drop them, or fix the file and upload it again.");
        if (preview.HasWarnings && string.IsNullOrEmpty(reason))
            return BatchResult<Guid>.Invalid("The pre-check warned about some rows: say why they should go ahead.");

        var now = Now;
        var batch = new Batch
        {
            ProjectId = projectId, Name = name, Mode = draft.Mode, Source = draft.Source, CreatedById = actor.UserId,
            CreatedByName = actor.UserName, EstimatedCostUsd = preview.TotalEstimate, CreatedAt = now, UpdatedAt = now,
            Status = preview.NeedsApproval ? BatchStatus.AwaitingApproval : BatchStatus.Running,
            SubmittedAt = preview.NeedsApproval ? null : now, AcknowledgementReason = preview.HasWarnings ? reason : null,
        };
        var runnable = preview.Rows.Where(r => !r.IsBlocked).ToList();
        if (draft.Mode == BatchMode.Provider) batch.ProviderId = runnable[0].ProviderId;
        db.Batches.Add(batch);

        var stored = new List<string>();
        try
        {
            var images = await StoreImagesAsync(projectId, draft.Images, runnable, stored, ct);
            var catalog = await CatalogAsync(db, runnable, ct);
            for (var i = 0; i < runnable.Count; i++)
                AddRow(db, actor, batch, runnable[i], i, preview.NeedsApproval, reason, images, catalog, now);
            audit.Add(db, actor, AuditActions.BatchCreated, nameof(Batch), batch.Id.ToString(),
                $"Started the {draft.Mode.ToString().ToLowerInvariant()} batch “{name}” with {runnable.Count} renders " +
                $"(estimated {BudgetCheck.Usd(preview.TotalEstimate)}{(preview.NeedsApproval ? ", awaiting approval" : "")}" +
                $"{(preview.FailingCount > 0 ? $", {preview.FailingCount} failing rows dropped" : "")}).", projectId);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var key in stored) await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        Announce(batch.Id);
        return BatchResult<Guid>.Ok(batch.Id);
    }

    /// <summary>Tells open pages; rows this change queued go to the provider now rather than at the next tick.</summary>
    private void Announce(Guid batchId)
    {
        batchNotifier.Publish(batchId);
        nudge.Submit();
    }

    private static void AddRow(VideoHubDbContext db, Actor actor, Batch batch, PreviewRow row, int index, bool needsApproval,
        string? reason, Dictionary<string, string> images, Dictionary<string, CatalogItem> catalog, DateTime now)
    {
        var findings = row.Issues.Select(i => new Domain.Policy.PolicyFinding(i.Severity, Domain.Policy.FindingCategory.Custom, i.Message)).ToList();
        var request = new RenderRequest
        {
            ProjectId = batch.ProjectId, AuthorId = actor.UserId, AuthorName = actor.UserName, Operation = RenderOperation.Create,
            Prompt = row.Input.Prompt, ProviderId = row.ProviderId, Model = row.Model, Size = row.Size, Seconds = row.Seconds,
            BatchId = batch.Id, BatchCustomId = row.Input.CustomId, EstimatedCostUsd = row.EstimatedCost ?? 0m,
            ImageReferenceKey = row.Input.ImageFileName is { } image ? images[image] : null,
            PreCheckJson = JsonSerializer.Serialize(new PreCheckSnapshot(findings, row.EstimatedCost, needsApproval), RequestFormService.Json),
            // Ticks keep the file's order, so the submitter sends rows in the order they were written.
            CreatedAt = now.AddTicks(index), UpdatedAt = now,
        };
        if (row.HasWarnings && reason is not null)
            (request.AcknowledgementReason, request.AcknowledgedBy, request.AcknowledgedAt) = (reason, actor.UserName, now);
        var target = needsApproval ? RenderState.AwaitingApproval : RenderState.Queued;
        RenderStateMachine.Move(request, target, now, actor.UserName, $"Batch “{batch.Name}”, row {row.Input.CustomId}.");
        if (target == RenderState.Queued) request.NextAttemptAt = now;
        db.RenderRequests.Add(request);
        db.BatchRows.Add(new BatchRow { BatchId = batch.Id, CustomId = row.Input.CustomId, LineNumber = row.Input.LineNumber, RenderRequestId = request.Id });
        foreach (var name in row.Input.CatalogItems)
        {
            var item = catalog[name.ToUpperInvariant()];
            db.RenderRequestCatalogItems.Add(new RenderRequestCatalogItem
            {
                RenderRequestId = request.Id, CatalogItemId = item.Id, CatalogItemVersionId = item.CurrentVersionId!.Value, Name = item.Name,
            });
        }
    }

    /// <summary>Each image the rows use, stored once under a server-chosen name; file name → storage key.</summary>
    private async Task<Dictionary<string, string>> StoreImagesAsync(Guid projectId, IBatchImages images, List<PreviewRow> rows,
        List<string> stored, CancellationToken ct)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in rows.Select(r => r.Input.ImageFileName).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var bytes = images.Read(name) ?? throw new InvalidOperationException("An image checked in the preview is gone.");
            var extension = ImageHeader.Read(bytes)?.ContentType switch { "image/png" => ".png", "image/webp" => ".webp", _ => ".jpg" };
            await using var write = storage.BeginWrite($"projects/{projectId:N}/references/{Guid.NewGuid():N}{extension}");
            await write.Stream.WriteAsync(bytes, ct);
            await write.CommitAsync();
            stored.Add(write.Key);
            keys[name] = write.Key;
        }
        return keys;
    }

    private static async Task<Dictionary<string, CatalogItem>> CatalogAsync(VideoHubDbContext db, List<PreviewRow> rows, CancellationToken ct)
    {
        var names = rows.SelectMany(r => r.Input.CatalogItems).Select(n => n.ToUpperInvariant()).Distinct().ToList();
        if (names.Count == 0) return [];
        return await db.CatalogItems.AsNoTracking().Where(c => names.Contains(c.NormalizedName)).ToDictionaryAsync(c => c.NormalizedName, ct);
    }

    private async Task<BudgetInput> BudgetAsync(VideoHubDbContext db, Guid projectId, CancellationToken ct)
    {
        var settings = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Settings).FirstAsync(ct);
        var spend = await RenderRequestService.MonthToDateSpendAsync(db, projectId, Now, ct);
        return new BudgetInput(spend, settings.MonthlyBudgetUsd, settings.ApprovalThresholdUsd);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

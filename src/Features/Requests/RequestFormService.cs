using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using System.Text.Json.Serialization;
using VideoHub.Domain.Projects;
using VideoHub.Domain.Users;
using VideoHub.Features.Lineage;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Media;
using VideoHub.Providers;
using RenderOperation = VideoHub.Domain.Rendering.RenderOperation;

namespace VideoHub.Features.Requests;

/// <summary>
/// The request form's server side: what the form offers (enabled providers and their profiles, the project's
/// defaults and money), the pre-check as the user types, and the submission, which checks everything again and
/// never trusts what the browser decided.
/// </summary>
public sealed class RequestFormService(ProjectService projects, VideoProviderRegistry providers,
    RenderRequestService renders, IMediaStorage storage, AuditLog audit, IDbContextFactory<VideoHubDbContext> dbFactory,
    DerivedRequests derived)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The form's context, or null when the actor may not request renders in this project (the page answers 404).</summary>
    public async Task<RequestFormContext?> LoadAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        var project = await projects.GetAsync(actor, projectId, ct);
        if (project is null || !project.Access.CanEdit || project.IsArchived) return null;
        var choices = (await providers.ListEnabledAsync(ct))
            .Where(p => p.Models.Count > 0)
            .Select(p => new ProviderChoice(p.Id, p.Name, p.Models)).ToList();
        var spend = await renders.MonthToDateSpendAsync(actor, projectId, ct) ?? 0m;
        var s = project.Settings;
        return new RequestFormContext(project.Id, project.Name, choices, Defaults(choices, s),
            new BudgetInput(spend, s.MonthlyBudgetUsd, s.ApprovalThresholdUsd), actor.IsAdmin);
    }

    /// <summary>The full pre-check of what the form holds now; safe to call from any thread.</summary>
    public Task<PolicyCheckResult> CheckAsync(RequestFormInput input, BudgetInput budget, CancellationToken ct = default) =>
        CheckAsync(input, budget, null, ct);

    /// <summary>The pre-check for a project: catalog rights are checked against <paramref name="projectId"/>.</summary>
    public async Task<PolicyCheckResult> CheckAsync(RequestFormInput input, BudgetInput budget, Guid? projectId, CancellationToken ct = default) =>
        (await derived.CheckAsync(ToCheckInput(input, budget, projectId), input, projectId, ct)).Check;

    public async Task<SubmitOutcome> SubmitAsync(Actor actor, Guid projectId, RequestFormInput input, CancellationToken ct = default)
    {
        var context = await LoadAsync(actor, projectId, ct);
        if (context is null) return new SubmitOutcome(null, false, "You cannot request renders in this project.", null);
        // Remix, edit and extend take provider, model, size (and length) from their source take.
        var (check, prepared) = await derived.CheckAsync(ToCheckInput(input, context.Budget, projectId), input, projectId, ct);
        var target = prepared.Input;
        var overrideReason = input.OverrideReason?.Trim();
        var overriding = check.IsBlocked && actor.IsAdmin && !string.IsNullOrEmpty(overrideReason);
        if (check.IsBlocked && !overriding)
            return new SubmitOutcome(null, false, "The pre-check blocks this request; change it as the findings suggest.", check)
            {
                BlockedRequestId = await BlockedRequests.RecordAsync(renders, actor, projectId, input, check, ct),
            };
        if (overrideReason is { Length: > 1000 })
            return new SubmitOutcome(null, false, "Keep the override reason under 1000 characters.", check);

        var warned = NeedsConfirmation(check) || overriding;
        var reason = overriding
            ? $"Admin override of a block: {overrideReason}" + (string.IsNullOrWhiteSpace(input.WarningReason) ? "" : $" — {input.WarningReason.Trim()}")
            : input.WarningReason;
        var snapshot = new PreCheckSnapshot(check.Findings, check.EstimatedCost, check.NeedsApproval)
        {
            OverriddenBy = overriding ? actor.UserName : null,
            OverrideReason = overriding ? overrideReason : null,
        };
        IReadOnlyList<Domain.Catalog.RenderRequestCatalogItem> pins;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            pins = await Catalog.CatalogPins.ResolveAsync(db, input.CatalogItemIds, target.ProviderId, ct);
        var imageKey = await StoreImageAsync(projectId, input, ct);
        var created = await renders.CreateAsync(actor, new NewRenderRequest(projectId, input.Operation, input.Prompt,
            target.ProviderId, target.Model, target.Size ?? "", target.Seconds ?? 0,
            check.NeedsApproval ? PreCheckVerdict.NeedsApproval : PreCheckVerdict.Allowed,
            JsonSerializer.Serialize(snapshot, Json), warned, reason, imageKey, input.ParentVideoId, pins)
            { IsRetake = input.IsRetake, StitchExtension = prepared.StitchExtension }, ct);
        if (!created.Succeeded)
        {
            if (imageKey is not null) await storage.DeleteAsync(imageKey, ct);
            return new SubmitOutcome(null, false, created.Message, check);
        }
        if (overriding) await AuditOverrideAsync(actor, projectId, created.Value!.Id, overrideReason!, check, ct);
        return new SubmitOutcome(created.Value!.Id, check.NeedsApproval, null, check);
    }

    /// <summary>
    /// Warnings the author must confirm with a reason. "Needs approval" is a warning too, but the Owner's approval
    /// is its confirmation, so it asks the author for nothing.
    /// </summary>
    public static bool NeedsConfirmation(PolicyCheckResult check) =>
        check.Findings.Any(f => !f.IsBlock && f.Category != Domain.Policy.FindingCategory.Budget);

    public static PreCheckSnapshot? ReadSnapshot(string json)
    {
        // Requests made elsewhere (batches, the API, tests) may hold other JSON: no findings rather than a broken page.
        try { return JsonSerializer.Deserialize<PreCheckSnapshot>(json, Json) is { } s ? s with { Findings = s.Findings ?? [] } : null; }
        catch (JsonException) { return null; }
    }

    private static PolicyCheckInput ToCheckInput(RequestFormInput input, BudgetInput budget, Guid? projectId) =>
        new(input.Prompt ?? "", input.ProviderId, input.Model, RenderOperation.Create)
        {
            Size = input.Size, Seconds = input.Seconds, Budget = budget, ProjectId = projectId, CatalogItemIds = [.. input.CatalogItemIds],
            ImageReference = input.ImageBytes is { } bytes ? ImageReferenceInput.FromBytes(bytes, input.ImageContentType) : null,
        };

    private static RequestFormInput Defaults(IReadOnlyList<ProviderChoice> choices, ProjectSettings s)
    {
        var provider = choices.FirstOrDefault(p => p.Models.Any(m => m.Model == s.DefaultModel)) ?? choices.FirstOrDefault();
        var model = provider?.Models.FirstOrDefault(m => m.Model == s.DefaultModel) ?? provider?.Models.FirstOrDefault();
        var size = model?.FindSize(s.DefaultSize)?.Size ?? model?.Sizes.FirstOrDefault()?.Size ?? "";
        var seconds = model is null ? s.DefaultSeconds : model.Seconds.Contains(s.DefaultSeconds) ? s.DefaultSeconds : model.Seconds.FirstOrDefault();
        return new RequestFormInput { ProviderId = provider?.Id ?? "", Model = model?.Model ?? "", Size = size, Seconds = seconds };
    }

    private async Task<string?> StoreImageAsync(Guid projectId, RequestFormInput input, CancellationToken ct)
    {
        if (input.ImageBytes is not { Length: > 0 } bytes) return null;
        var extension = ImageHeader.Read(bytes)?.ContentType switch
        {
            "image/png" => ".png",
            "image/webp" => ".webp",
            _ => ".jpg",
        };
        await using var write = storage.BeginWrite($"projects/{projectId:N}/references/{Guid.NewGuid():N}{extension}");
        await write.Stream.WriteAsync(bytes, ct);
        await write.CommitAsync();
        return write.Key;
    }

    private async Task AuditOverrideAsync(Actor actor, Guid projectId, Guid requestId, string reason, PolicyCheckResult check,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var blocks = string.Join("; ", check.Findings.Where(f => f.IsBlock).Select(f => f.Message));
        audit.Add(db, actor, Domain.Audit.AuditActions.RenderBlockOverridden, "RenderRequest", requestId.ToString(),
            $"Overrode the pre-check's block: {reason}", projectId, before: blocks);
        await db.SaveChangesAsync(ct);
    }
}

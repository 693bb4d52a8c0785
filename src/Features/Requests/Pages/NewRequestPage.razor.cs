using Microsoft.AspNetCore.Components;
using MudBlazor;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Providers;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Rendering;
using VideoHub.Features.Requests.Components;

namespace VideoHub.Features.Requests.Pages;

public partial class NewRequestPage
{
    [Inject] private RequestFormService Forms { get; set; } = default!;
    [Inject] private RenderRequestService Renders { get; set; } = default!;
    [Inject] private ILogger<NewRequestPage> Log { get; set; } = default!;

    /// <summary>A request to start from ("Duplicate", "Re-run with changes").</summary>
    [SupplyParameterFromQuery(Name = "from")] public Guid? From { get; set; }
    /// <summary>A take whose request to start from ("Re-run with changes" from a take).</summary>
    [SupplyParameterFromQuery(Name = "take")] public Guid? Take { get; set; }
    [Inject] private RequestPrefillService Prefill { get; set; } = default!;

    private RequestFormContext? context;
    private RequestFormInput input = new();
    private string aspect = "16:9";
    private PolicyCheckResult? check;
    private string checkedPrompt = "";
    private int checkVersion;
    private Task latestCheck = Task.CompletedTask;
    private string? typedPrompt;
    private bool checking, submitting, confirmWarnings;
    private string? error;
    /// <summary>What the form held when Submit was refused: the refusal stays until the form changes.</summary>
    private string? errorFor;
    private Guid? blockedRequestId;

    protected override bool Allows(ProjectGrant access) => access.CanEdit && !access.IsArchived;

    protected override async Task OnProjectLoadedAsync(ProjectDetails project)
    {
        context = await Forms.LoadAsync(Actor, project.Id);
        if (context is null) { Navigation.NotFound(); return; }
        input = context.Defaults;
        var source = From is { } from ? await Prefill.FromRequestAsync(Actor, project.Id, from)
            : Take is { } take ? await Prefill.FromTakeAsync(Actor, project.Id, take) : null;
        if (source is not null)
        {
            input.Prompt = source.Prompt;
            (input.ImageBytes, input.ImageContentType, input.ImageName) = (source.ImageBytes, source.ImageContentType, source.ImageName);
            (input.Operation, input.ParentVideoId, input.CatalogItemIds) = (source.Operation, source.ParentVideoId, source.CatalogItemIds);
            if (context.Providers.Any(p => p.Id == source.ProviderId && p.Models.Any(m => m.Model == source.Model)))
            {
                input.ProviderId = source.ProviderId;
                input.Model = source.Model;
                input.Size = source.Size;
                input.Seconds = source.Seconds;
            }
        }
        aspect = RequestText.Aspect(input.Size) is { Length: > 0 } a ? a : "16:9";
        await RunCheckAsync();
    }

    private ProviderChoice? Provider => context?.Providers.FirstOrDefault(p => p.Id == input.ProviderId);
    private IReadOnlyList<ProviderModelProfile> Models => Provider?.Models ?? [];
    private ProviderModelProfile? Profile => Models.FirstOrDefault(m => m.Model == input.Model);
    private IEnumerable<string> Aspects => (Profile?.Sizes ?? []).Select(s => RequestText.Aspect(s.Size)).Distinct().OrderBy(a => a == "9:16");
    private IEnumerable<ProviderModelSize> Sizes => (Profile?.Sizes ?? []).Where(s => RequestText.Aspect(s.Size) == aspect);

    /// <summary>Warnings other than "needs approval" need the author's explicit confirmation.</summary>
    private bool HasWarningsToConfirm => check is not null && RequestFormService.NeedsConfirmation(check);

    /// <summary>Why the settled pre-check does not let the form be submitted, or null when it does.</summary>
    private string? WhyNotSubmittable =>
        string.IsNullOrWhiteSpace(input.Prompt) ? "Write a prompt."
        : check is null ? "The pre-check has not run yet; try again in a moment."
        : check.IsBlocked && !(context!.IsAdmin && !string.IsNullOrWhiteSpace(input.OverrideReason))
            ? "The pre-check blocks this request; change it as the findings suggest."
        : HasWarningsToConfirm && !(confirmWarnings && !string.IsNullOrWhiteSpace(input.WarningReason))
            ? "The pre-check found warnings: read them, tick the confirmation and say why to go ahead, then submit."
        : null;

    /// <summary>
    /// The button stays enabled while a pre-check runs: leaving the prompt (to click Submit) commits the last keystrokes
    /// and starts a check, and a button disabled under the pointer between mousedown and click would swallow the click.
    /// Submitting waits for that check instead.
    /// </summary>
    private bool SubmitDisabled => submitting || (!checking && WhyNotSubmittable is not null);

    /// <summary>Text typed into the prompt that has not reached the form yet (the field passes it on after a pause).</summary>
    private bool PromptPending => typedPrompt is { } typed && typed != input.Prompt;

    private Task ProviderChangedAsync(string id)
    {
        input.ProviderId = id;
        return ModelChangedAsync(Models.FirstOrDefault()?.Model ?? "");
    }

    private Task ModelChangedAsync(string model)
    {
        input.Model = model;
        if (!Aspects.Contains(aspect)) aspect = Aspects.FirstOrDefault() ?? "16:9";
        if (Profile is { } p && !p.Seconds.Contains(input.Seconds)) input.Seconds = p.Seconds.FirstOrDefault();
        return AspectChangedAsync(aspect);
    }

    private Task AspectChangedAsync(string value)
    {
        aspect = value;
        if (!Sizes.Any(s => s.Size == input.Size)) input.Size = Sizes.FirstOrDefault()?.Size ?? "";
        return RunCheckAsync();
    }

    private Task SizeChangedAsync(string size) { input.Size = size; return RunCheckAsync(); }

    private Task SecondsChangedAsync(int seconds) { input.Seconds = seconds; return RunCheckAsync(); }

    private Task PromptChangedAsync(string? prompt) { input.Prompt = prompt ?? ""; return RunCheckAsync(); }

    private void PromptTyped(string? text) => typedPrompt = text;

    private Task CatalogChangedAsync(Catalog.Components.CatalogMentionBox.Change change)
    {
        input.Prompt = change.Prompt;
        typedPrompt = null; // the box rewrote the prompt: what was typed before is no longer pending
        input.CatalogItemIds = change.Items;
        return RunCheckAsync();
    }

    private Task ImageChangedAsync(ImageReferencePicker.Picked? picked)
    {
        input.ImageBytes = picked?.Bytes;
        input.ImageContentType = picked?.ContentType;
        input.ImageName = picked?.Name;
        return RunCheckAsync();
    }

    /// <summary>
    /// Runs the pre-check off the renderer's thread on a copy of the form; an answer that arrives after a newer
    /// check started is dropped, so a slow check never overwrites what the user typed since.
    /// </summary>
    private Task RunCheckAsync() => latestCheck = CheckNowAsync();

    private async Task CheckNowAsync()
    {
        if (context is null) return;
        var version = ++checkVersion;
        var snapshot = Copy(input);
        checking = true;
        try
        {
            var result = await Task.Run(() => Forms.CheckAsync(snapshot, context.Budget, context.ProjectId));
            if (version != checkVersion) return;
            check = result;
            checkedPrompt = snapshot.Prompt;
            if (Signature(snapshot) != errorFor) error = null;
        }
        catch (Exception ex)
        {
            Log.LogWarning(ex, "The pre-check failed while typing");
            if (version == checkVersion) error = "The pre-check could not run; try again in a moment.";
        }
        finally
        {
            if (version == checkVersion) checking = false;
        }
    }

    private async Task SubmitAsync()
    {
        if (submitting) return;
        submitting = true;
        error = null;
        try
        {
            // The prompt field passes typed text on only after a pause (or when it loses focus, which may be handled
            // after this click): judge the submission on a check of what the user actually typed.
            if (PromptPending) await PromptChangedAsync(typedPrompt);
            while (checking && !latestCheck.IsCompleted) await latestCheck;
            if (WhyNotSubmittable is { } why)
            {
                error = why;
                return;
            }
            var outcome = await Forms.SubmitAsync(Actor, Id, Copy(input));
            if (!outcome.Succeeded)
            {
                error = outcome.Error;
                blockedRequestId = outcome.BlockedRequestId;
                if (outcome.Check is { } c) { check = c; checkedPrompt = input.Prompt; }
                return;
            }
            Snackbar.Add(outcome.AwaitingApproval
                ? "Sent for approval: an Owner must approve this render before it is sent to the provider."
                : "Queued: the render starts shortly.", outcome.AwaitingApproval ? Severity.Info : Severity.Success);
            Navigation.NavigateTo($"/projects/{Id}/requests/{outcome.RequestId}");
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Submitting a render request failed");
            error = "The request could not be submitted; nothing was changed. Try again.";
        }
        finally
        {
            submitting = false;
            errorFor = error is null ? null : Signature(input);
        }
    }

    private static string Signature(RequestFormInput i) =>
        string.Join('\u001f', i.ProviderId, i.Model, i.Size, i.Seconds, i.Prompt, i.ImageName, string.Join(',', i.CatalogItemIds));

    private static RequestFormInput Copy(RequestFormInput i) => new()
    {
        ProviderId = i.ProviderId, Model = i.Model, Size = i.Size, Seconds = i.Seconds, Prompt = i.Prompt,
        ImageBytes = i.ImageBytes, ImageContentType = i.ImageContentType, ImageName = i.ImageName,
        WarningReason = i.WarningReason, OverrideReason = i.OverrideReason,
        Operation = i.Operation, ParentVideoId = i.ParentVideoId, CatalogItemIds = [.. i.CatalogItemIds], IsRetake = i.IsRetake,
    };
}

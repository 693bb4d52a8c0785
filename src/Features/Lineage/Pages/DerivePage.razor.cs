using Microsoft.AspNetCore.Components;
using MudBlazor;
using VideoHub.Domain.Rendering;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Features.Requests;

namespace VideoHub.Features.Lineage.Pages;

/// <summary>Remix, edit or extend a take: one form, pre-filled from the source, through the request form's checks and jobs.</summary>
public partial class DerivePage
{
    [Inject] private DeriveFormService Derive { get; set; } = default!;
    [Inject] private ILogger<DerivePage> Log { get; set; } = default!;

    [Parameter] public Guid VideoId { get; set; }
    /// <summary>A retake from review: show the review notes and mark the request as a retake.</summary>
    [SupplyParameterFromQuery(Name = "retake")] public bool Retake { get; set; }

    private DeriveSource? source;
    private RequestFormInput input = new();
    private RenderOperation operation;
    private PolicyCheckResult? check;
    private int checkVersion;
    private bool checking, submitting, confirmWarnings;
    private string? error;

    protected override bool Allows(ProjectGrant access) => access.CanEdit && !access.IsArchived;

    protected override async Task OnProjectLoadedAsync(ProjectDetails project)
    {
        operation = Navigation.ToBaseRelativePath(Navigation.Uri).Split('?')[0].TrimEnd('/').Split('/')[^1] switch
        {
            "remix" => RenderOperation.Remix,
            "edit" => RenderOperation.Edit,
            _ => RenderOperation.Extend,
        };
        source = await Derive.LoadAsync(Actor, project.Id, VideoId);
        if (source is null) { Navigation.NotFound(); return; }
        input = new RequestFormInput
        {
            Operation = operation, ParentVideoId = VideoId, IsRetake = Retake,
            ProviderId = source.ProviderId, Model = source.Model, Size = source.Size,
            Prompt = operation == RenderOperation.Extend ? "" : source.Prompt,
            Seconds = operation == RenderOperation.Extend ? source.Profile?.Seconds.FirstOrDefault() ?? 4 : source.SourceSeconds,
        };
        if (!source.IsSequence) await RunCheckAsync();
    }

    private string Verb => operation switch { RenderOperation.Remix => "Remix", RenderOperation.Edit => "Edit", _ => "Extend" };
    private string Title => Retake ? $"Retake ({Verb.ToLowerInvariant()})" : $"{Verb} take";
    private string PromptLabel => operation switch
    {
        RenderOperation.Remix => "New prompt for the whole take",
        RenderOperation.Edit => "The one change to make",
        _ => "What happens next",
    };
    private string PromptHelp => operation switch
    {
        RenderOperation.Remix => "Describe the whole take again; the provider re-renders it from the source.",
        RenderOperation.Edit => "Name one targeted change, e.g. \"make the sky stormy\".",
        _ => "Describe the next segment; it continues from the last frame.",
    };

    private bool HasWarningsToConfirm => check is not null && RequestFormService.NeedsConfirmation(check);

    private bool CanSubmit =>
        !submitting && !checking && source is { IsSequence: false } && check is not null && !check.IsBlocked
        && !string.IsNullOrWhiteSpace(input.Prompt)
        && (!HasWarningsToConfirm || (confirmWarnings && !string.IsNullOrWhiteSpace(input.WarningReason)));

    private Task PromptChangedAsync(string? prompt) { input.Prompt = prompt ?? ""; return RunCheckAsync(); }

    private Task SecondsChangedAsync(int seconds) { input.Seconds = seconds; return RunCheckAsync(); }

    private async Task RunCheckAsync()
    {
        if (source is null) return;
        var version = ++checkVersion;
        var snapshot = Copy(input);
        checking = true;
        try
        {
            var result = await Task.Run(() => Derive.CheckAsync(snapshot, source.Form.Budget));
            if (version != checkVersion) return;
            check = result;
            error = null;
        }
        catch (Exception ex)
        {
            Log.LogWarning(ex, "The pre-check of a derived take failed");
            if (version == checkVersion) error = "The pre-check could not run; try again in a moment.";
        }
        finally
        {
            if (version == checkVersion) checking = false;
        }
    }

    private async Task SubmitAsync()
    {
        if (!CanSubmit) return;
        submitting = true;
        error = null;
        try
        {
            var outcome = await Derive.SubmitAsync(Actor, Id, Copy(input));
            if (!outcome.Succeeded)
            {
                error = outcome.Error;
                if (outcome.Check is { } c) check = c;
                return;
            }
            Snackbar.Add(outcome.AwaitingApproval ? "Sent for approval." : "Queued: the render starts shortly.",
                outcome.AwaitingApproval ? Severity.Info : Severity.Success);
            Navigation.NavigateTo($"/projects/{Id}/requests/{outcome.RequestId}");
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Submitting a derived take failed");
            error = "The request could not be submitted; nothing was changed. Try again.";
        }
        finally
        {
            submitting = false;
        }
    }

    private static RequestFormInput Copy(RequestFormInput i) => new()
    {
        ProviderId = i.ProviderId, Model = i.Model, Size = i.Size, Seconds = i.Seconds, Prompt = i.Prompt,
        WarningReason = i.WarningReason, Operation = i.Operation, ParentVideoId = i.ParentVideoId, IsRetake = i.IsRetake,
        CatalogItemIds = [.. i.CatalogItemIds],
    };
}

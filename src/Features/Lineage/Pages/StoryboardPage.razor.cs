using Microsoft.AspNetCore.Components;
using VideoHub.Features.Lineage.Storyboards;
using VideoHub.Features.Projects;
using VideoHub.Features.Requests.Components;

namespace VideoHub.Features.Lineage.Pages;

/// <summary>One storyboard: its shots (add, edit, reorder, remove), rendering it, and its sequence once every shot is approved.</summary>
public partial class StoryboardPage
{
    [Inject] private StoryboardService Storyboards { get; set; } = default!;
    [Inject] private StoryboardRenderer Renderer { get; set; } = default!;
    [Inject] private ILogger<StoryboardPage> Log { get; set; } = default!;

    [Parameter] public Guid StoryboardId { get; set; }

    private StoryboardView? board;
    private ShotInput shotInput = new();
    private ShotView? editing;
    private string? message;
    private bool failed, busy;

    private bool CanEdit => Project is { } p && p.Access.CanEdit && !p.IsArchived;
    private bool CanContinue => editing is { Position: > 1 } || (editing is null && board?.Shots.Count > 0);

    protected override async Task OnProjectLoadedAsync(ProjectDetails project)
    {
        board = await Storyboards.GetAsync(Actor, project.Id, StoryboardId);
        if (board is null) { Navigation.NotFound(); return; }
        if (!board.AllowedSeconds.Contains(shotInput.Seconds)) shotInput.Seconds = board.AllowedSeconds.FirstOrDefault();
    }

    private void Edit(ShotView shot)
    {
        editing = shot;
        shotInput = new ShotInput
        {
            Prompt = shot.Prompt, Seconds = shot.Seconds, CatalogItemIds = [.. shot.CatalogItemIds], ContinueFromPrevious = shot.ContinueFromPrevious,
            ImageName = shot.HasImage ? "current image" : null,
        };
    }

    private void ResetForm()
    {
        editing = null;
        shotInput = new ShotInput { Seconds = board?.AllowedSeconds.FirstOrDefault() ?? 4 };
    }

    private void ImageChanged(ImageReferencePicker.Picked? picked)
    {
        shotInput.ImageBytes = picked?.Bytes;
        shotInput.ImageContentType = picked?.ContentType;
        shotInput.ImageName = picked?.Name;
        shotInput.RemoveImage = picked is null;
    }

    private void ToggleItem(Guid id, bool on)
    {
        shotInput.CatalogItemIds.Remove(id);
        if (on) shotInput.CatalogItemIds.Add(id);
    }

    private async Task SaveShotAsync()
    {
        var result = await RunAsync(() => Storyboards.SaveShotAsync(Actor, Id, StoryboardId, editing?.Id, shotInput), null);
        if (result) ResetForm();
    }

    private Task MoveAsync(Guid shot, int delta) => RunAsync(() => Storyboards.MoveShotAsync(Actor, Id, StoryboardId, shot, delta), null);

    private Task RemoveAsync(Guid shot) => RunAsync(() => Storyboards.RemoveShotAsync(Actor, Id, StoryboardId, shot), null);

    private Task SizeChangedAsync(string size) => RunAsync(() => Storyboards.SetFormatAsync(Actor, Id, StoryboardId, size), null);

    private Task RenderAsync() => RunAsync(() => Renderer.RenderAsync(Actor, Id, StoryboardId),
        "Rendering: one request per shot is on its way. Shots that continue the previous one start when it is ready.");

    private async Task<bool> RunAsync(Func<Task<StoryboardResult>> change, string? success)
    {
        busy = true;
        try
        {
            var result = await change();
            (message, failed) = result.Succeeded ? (success, false) : (result.Error, true);
            board = await Storyboards.GetAsync(Actor, Id, StoryboardId);
            return result.Succeeded;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "A storyboard change failed");
            (message, failed) = ("That did not work; nothing was changed. Try again.", true);
            return false;
        }
        finally
        {
            busy = false;
        }
    }
}

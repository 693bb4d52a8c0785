using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using VideoHub.Domain.Batches;
using VideoHub.Domain.Providers;
using VideoHub.Features.Batches.Parsing;
using VideoHub.Features.Projects;
using VideoHub.Features.Requests;

namespace VideoHub.Features.Batches.Pages;

/// <summary>
/// A new batch from a file (with an optional images zip) or a variations grid: every row is parsed and pre-checked
/// in a preview first; the batch is created only from a previewed draft, and only when the user drops the failing
/// rows (or there are none). The server checks everything again on create.
/// </summary>
public partial class NewBatchPage
{
    [Inject] private BatchService Batches { get; set; } = default!;
    [Inject] private RequestFormService Form { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private RequestFormContext? context;
    private string name = "";
    private BatchMode mode = BatchMode.Direct;
    private int tab;
    private ParsedFile? parsed;
    private string? fileName;
    private ZipImages? images;
    private string? imagesName;
    private VariationsGridInput grid = new();
    private BatchPreview? preview;
    private BatchDraft? previewed;
    private BatchMode previewMode;
    private bool dropFailing;
    private string? reason;
    private string? problem;
    private bool busy;

    protected override bool Allows(ProjectGrant access) => access.CanEdit && !access.IsArchived;

    private bool SupportsProviderBatch => context?.Providers.Any(p => p.Models.Any(m => m.Supports(ProviderOperations.Batch))) == true;

    private bool CanCreate => !busy && preview is { IsRefused: false } pv && (!pv.HasFailingRows || dropFailing)
        && (!pv.HasWarnings || !string.IsNullOrWhiteSpace(reason)) && !string.IsNullOrWhiteSpace(name);

    protected override async Task OnProjectLoadedAsync(ProjectDetails project)
    {
        context = await Form.LoadAsync(Actor, project.Id);
        if (context is null) { Navigation.NotFound(); return; }
        if (grid.Models.Count == 0)
        {
            var d = context.Defaults;
            grid = new VariationsGridInput { ProviderId = d.ProviderId, Models = [d.Model], Sizes = [d.Size], Seconds = [d.Seconds] };
        }
        if (name.Length == 0) name = $"Batch {Clock.GetUtcNow():yyyy-MM-dd HH:mm}";
    }

    private void ModeChanged(BatchMode value) { mode = value; ClearPreview(); }

    private void TabChanged(int value) { tab = value; ClearPreview(); }

    private void ClearPreview() { preview = null; previewed = null; dropFailing = false; problem = null; }

    private async Task OnFileAsync(IBrowserFile? file)
    {
        ClearPreview();
        parsed = null;
        fileName = null;
        if (file is null) return;
        if (file.Size > BatchLimits.MaxFileBytes)
        {
            problem = $"“{file.Name}” is {BatchLimits.Describe(file.Size)}; a batch file may be at most {BatchLimits.Describe(BatchLimits.MaxFileBytes)}. Nothing was read.";
            return;
        }
        busy = true;
        try
        {
            await using var stream = file.OpenReadStream(BatchLimits.MaxFileBytes);
            parsed = await BatchFileParser.ParseAsync(stream, file.Name);
            fileName = file.Name;
            if (name.StartsWith("Batch ", StringComparison.Ordinal)) name = Path.GetFileNameWithoutExtension(file.Name);
            if (parsed.IsRefused) problem = parsed.Issues[0].Message;
        }
        catch (IOException)
        {
            problem = "The file could not be read; try again.";
        }
        finally { busy = false; }
    }

    private async Task OnImagesAsync(IBrowserFile? file)
    {
        ClearPreview();
        images?.Dispose();
        (images, imagesName) = (null, null);
        if (file is null) return;
        if (file.Size > BatchLimits.MaxImagesZipBytes)
        {
            problem = $"The images zip may be at most {BatchLimits.Describe(BatchLimits.MaxImagesZipBytes)}.";
            return;
        }
        busy = true;
        try
        {
            await using var stream = file.OpenReadStream(BatchLimits.MaxImagesZipBytes);
            var (opened, error) = await ZipImages.OpenAsync(stream);
            (images, imagesName, problem) = (opened, opened is null ? null : file.Name, error);
        }
        catch (IOException) { problem = "The images zip could not be read; try again."; }
        finally { busy = false; }
    }

    private BatchDraft? Draft()
    {
        var source = tab == 0 ? parsed : VariationsGrid.Expand(grid);
        if (source is null) { problem = "Choose a batch file first."; return null; }
        if (source.IsRefused) { problem = source.Issues[0].Message; return null; }
        return new BatchDraft(name, mode, tab == 0 ? BatchSource.File : BatchSource.Variations, source.Rows)
        {
            ParseIssues = source.Issues, Images = images ?? (IBatchImages)NoBatchImages.Instance,
        };
    }

    private async Task PreviewAsync()
    {
        ClearPreview();
        if (Draft() is not { } draft) return;
        busy = true;
        try
        {
            preview = await Batches.PreviewAsync(Actor, Id, draft);
            if (preview is null) { Navigation.NotFound(); return; }
            (previewed, previewMode) = (draft, draft.Mode);
        }
        finally { busy = false; }
    }

    private async Task CreateAsync()
    {
        if (previewed is null) return;
        busy = true;
        try
        {
            var result = await Batches.CreateAsync(Actor, Id, previewed with { Name = name, AcknowledgementReason = reason }, dropFailing);
            if (!result.Succeeded) { problem = result.Message; return; }
            Snackbar.Add(preview!.NeedsApproval ? "The batch waits for an Owner's approval." : "The batch has started.", Severity.Success);
            Navigation.NavigateTo($"/projects/{Id}/batches/{result.Value}");
        }
        finally { busy = false; }
    }

    public void Dispose() => images?.Dispose();
}

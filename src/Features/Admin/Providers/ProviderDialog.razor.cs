using Microsoft.AspNetCore.Components;
using MudBlazor;
using VideoHub.Domain.Providers;
using VideoHub.Providers.Settings;

namespace VideoHub.Features.Admin.Providers;

public partial class ProviderDialog
{
    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;
    /// <summary>The provider to edit; null to add one.</summary>
    [Parameter] public ProviderSummary? Provider { get; set; }

    private ProviderDraft draft = new(null);
    private Dictionary<string, string> errors = [];
    private string? message;
    private bool busy;

    private bool IsLocal => draft.Edit.Kind == ProviderKinds.Local;

    protected override void OnInitialized() => draft = new ProviderDraft(Provider);

    private string? ErrorFor(string field) => errors.GetValueOrDefault(field);
    private bool Has(string field) => errors.ContainsKey(field);
    private bool ModelHasErrors(int index) => errors.Keys.Any(k => k.StartsWith($"Models[{index}].", StringComparison.Ordinal));

    // A field's error stays until that field is edited; the others keep theirs.
    private void Edited(string field) => errors.Remove(field);

    private void Edited(params string[] fields)
    {
        foreach (var field in fields) errors.Remove(field);
    }

    private void AddModel()
    {
        draft.AddModel();
        errors.Remove("Models");
    }

    // Error keys carry model positions, which shift when one is removed: the next save reports afresh.
    private void RemoveModel(int index)
    {
        draft.Models.RemoveAt(index);
        foreach (var key in errors.Keys.Where(k => k.StartsWith("Models", StringComparison.Ordinal)).ToList()) errors.Remove(key);
    }

    private async Task SubmitAsync()
    {
        busy = true;
        try
        {
            message = null;
            var edit = draft.Build(out var formErrors);
            var result = await CurrentUser.GetAsync() is not { } actor
                ? ProviderSettingsResult.Fail("", "Only administrators can change providers.")
                : draft.IsNew ? await Settings.AddAsync(actor, edit) : await Settings.SaveAsync(actor, edit);

            if (result.Succeeded)
            {
                MudDialog.Close(DialogResult.Ok(draft.IsNew ? $"Added {edit.Name}." : $"Saved {edit.Name}."));
                return;
            }
            errors = new Dictionary<string, string>(result.Errors);
            foreach (var (field, error) in formErrors) errors[field] = error;
            message = errors.Remove("", out var general) ? general : "Check the highlighted fields; nothing was saved.";
            for (var i = 0; i < draft.Models.Count; i++)
                if (ModelHasErrors(i)) draft.Models[i].Expanded = true;
        }
        finally
        {
            busy = false;
        }
    }
}

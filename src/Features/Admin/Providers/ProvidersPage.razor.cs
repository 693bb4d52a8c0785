using MudBlazor;
using VideoHub.Domain.Users;
using VideoHub.Providers.Settings;

namespace VideoHub.Features.Admin.Providers;

public partial class ProvidersPage
{
    private static readonly DialogOptions FormOptions = new() { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = false, BackdropClick = false };
    private static readonly DialogOptions ConfirmOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private IReadOnlyList<ProviderSummary>? providers;
    private readonly HashSet<string> testing = [];

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>The acting admin, resolved from the database each time so revoked rights apply at once.</summary>
    private async Task<Actor?> AdminAsync()
    {
        if (await CurrentUser.GetAsync() is { IsAdmin: true } me) return me;
        Navigation.NotFound();
        return null;
    }

    private async Task LoadAsync()
    {
        if (await AdminAsync() is not { } me) return;
        providers = await Settings.ListAsync(me);
    }

    private async Task AddAsync()
    {
        var dialog = await Dialogs.ShowAsync<ProviderDialog>("Add provider", FormOptions);
        await AfterDialogAsync(await dialog.Result);
    }

    private async Task EditAsync(ProviderSummary provider)
    {
        if (await AdminAsync() is not { } me) return;
        // Edit what is stored now, not what the page loaded a while ago.
        var current = await Settings.GetAsync(me, provider.Id);
        if (current is null)
        {
            Snackbar.Add("This provider no longer exists.", Severity.Warning);
            await LoadAsync();
            return;
        }
        var parameters = new DialogParameters<ProviderDialog> { { d => d.Provider, current } };
        var dialog = await Dialogs.ShowAsync<ProviderDialog>($"Edit {current.Name}", parameters, FormOptions);
        await AfterDialogAsync(await dialog.Result);
    }

    private async Task ToggleAsync(ProviderSummary provider)
    {
        var enable = !provider.Enabled;
        var confirm = await Dialogs.ShowAsync<ConfirmDialog>(enable ? "Enable provider" : "Disable provider", new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, $"{(enable ? "Enable" : "Disable")} {provider.Name}?" },
            { d => d.Detail, enable
                ? "Request forms offer its models again and new renders can go to it."
                : "Request forms stop offering its models and no new renders go to it; its webhooks are refused. Its settings, keys and history stay, and you can enable it again at any time." },
            { d => d.ConfirmText, enable ? "Enable provider" : "Disable provider" },
            { d => d.ConfirmColor, enable ? Color.Primary : Color.Error },
            { d => d.Icon, enable ? Icons.Material.Outlined.PlayCircle : Icons.Material.Outlined.PauseCircle },
        }, ConfirmOptions);
        if (await confirm.Result is null or { Canceled: true }) return;

        if (await AdminAsync() is not { } me) return;
        var result = await Settings.SetEnabledAsync(me, provider.Id, enable);
        Snackbar.Add(result.Succeeded ? $"{(enable ? "Enabled" : "Disabled")} {provider.Name}." : string.Join(" ", result.Errors.Values),
            result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    private async Task TestAsync(ProviderSummary provider)
    {
        if (!testing.Add(provider.Id)) return;
        try
        {
            if (await AdminAsync() is not { } me) return;
            var test = await Settings.TestConnectionAsync(me, provider.Id);
            Snackbar.Add($"{provider.Name}: {ProviderLabels.LastTest(test)}", test.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            testing.Remove(provider.Id);
        }
    }

    private async Task<string?> RevealKeyAsync()
    {
        if (await AdminAsync() is not { } me) return null;
        return await Settings.RevealLocalProviderKeyAsync(me);
    }

    private async Task AfterDialogAsync(DialogResult? result)
    {
        if (result is null or { Canceled: true }) return;
        if (result.Data is string message) Snackbar.Add(message, Severity.Success);
        await LoadAsync();
    }
}

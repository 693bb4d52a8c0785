using MudBlazor;
using VideoHub.Domain.Policy;
using VideoHub.Domain.Users;
using VideoHub.Features.Admin;

namespace VideoHub.Features.Policy.Admin;

public partial class PolicyPage
{
    private const string All = "all";
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private Actor? me;
    private IReadOnlyList<PolicyRule> rules = [];
    private string categoryFilter = All;
    private string? search;

    public static string CategoryName(PolicyCategory c) => c switch
    {
        PolicyCategory.CopyrightedCharacter => "Copyrighted characters",
        PolicyCategory.CopyrightedMusic => "Copyrighted music",
        PolicyCategory.RealPerson => "Real people",
        PolicyCategory.NotForMinors => "Not for under-18s",
        _ => "Custom",
    };

    protected override async Task OnInitializedAsync()
    {
        me = await CurrentUser.GetAsync();
        if (me is not { IsAdmin: true }) { me = null; Navigation.NotFound(); return; }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        me = await CurrentUser.GetAsync();
        if (me is not { IsAdmin: true }) { me = null; Navigation.NotFound(); return; }
        PolicyCategory? category = Enum.TryParse<PolicyCategory>(categoryFilter, out var c) ? c : null;
        rules = await Admin.ListAsync(me, new PolicyRuleFilter(category, search));
    }

    private async Task FilterAsync(string? value)
    {
        categoryFilter = value ?? All;
        await LoadAsync();
    }

    private Task SearchAsync(string _) => LoadAsync();

    private Task AddAsync() => OpenDialogAsync("New rule", null, new PolicyRuleEdit());

    private Task EditAsync(PolicyRule rule) => OpenDialogAsync("Edit rule", rule.Id, PolicyRuleEdit.From(rule));

    private async Task OpenDialogAsync(string title, long? id, PolicyRuleEdit edit)
    {
        var parameters = new DialogParameters<PolicyRuleDialog> { { d => d.RuleId, id }, { d => d.Edit, edit } };
        var dialog = await Dialogs.ShowAsync<PolicyRuleDialog>(title, parameters, DialogOptions);
        if (await dialog.Result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task SetEnabledAsync(PolicyRule rule, bool enabled)
    {
        var actor = await CurrentUser.GetAsync();
        await ShowAsync(actor is null ? AdminResult.NotAllowed : await Admin.SetEnabledAsync(actor, rule.Id, enabled));
    }

    private async Task DeleteAsync(PolicyRule rule)
    {
        var confirm = await Dialogs.ShowAsync<ConfirmDialog>("Delete rule", new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, $"Delete the rule “{rule.Pattern}”?" },
            { d => d.Detail, "Prompts are no longer checked against it. To pause a rule, turn it off instead." },
            { d => d.ConfirmText, "Delete" }, { d => d.ConfirmColor, Color.Error }, { d => d.Icon, Icons.Material.Outlined.Delete },
        }, DialogOptions);
        if (await confirm.Result is null or { Canceled: true }) return;
        var actor = await CurrentUser.GetAsync();
        await ShowAsync(actor is null ? AdminResult.NotAllowed : await Admin.DeleteAsync(actor, rule.Id));
    }

    private async Task ShowAsync(AdminResult result)
    {
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }
}

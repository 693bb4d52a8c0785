using MudBlazor;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Admin.Users;

public partial class UsersPage
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private MudDataGrid<UserRow>? grid;
    private Actor? me;
    private string? search;

    protected override async Task OnInitializedAsync()
    {
        me = await CurrentUser.GetAsync();
        if (me is not { IsAdmin: true }) Navigation.NotFound();
    }

    private async Task<GridData<UserRow>> LoadAsync(GridState<UserRow> state, CancellationToken ct)
    {
        // Resolved again on every load: rights revoked a moment ago apply at once.
        me = await CurrentUser.GetAsync(ct);
        if (me is not { IsAdmin: true })
        {
            Navigation.NotFound();
            return new GridData<UserRow> { Items = [], TotalItems = 0 };
        }
        var sort = state.SortDefinitions.FirstOrDefault();
        var sortBy = sort?.SortBy switch
        {
            nameof(UserRow.DisplayName) => UserSortField.DisplayName,
            nameof(UserRow.Email) => UserSortField.Email,
            _ => UserSortField.CreatedAt,
        };
        var page = await Admin.ListAsync(me, new UserListRequest(search, state.Page, state.PageSize, sortBy, sort?.Descending ?? true), ct);
        return new GridData<UserRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    private static string RowClass(UserRow user, int index) => user.Status == UserStatus.Disabled ? "vh-row-muted" : "";

    private async Task SearchAsync(string _)
    {
        if (grid is null) return;
        grid.NavigateTo(Page.First);
        await grid.ReloadServerData();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>("New user", DialogOptions);
        await AfterDialogAsync(await dialog.Result);
    }

    private async Task RunAsync(UserAction action)
    {
        if (action.Kind == UserActionKind.ResetPassword)
        {
            var parameters = new DialogParameters<ResetPasswordDialog> { { d => d.User, action.User } };
            var dialog = await Dialogs.ShowAsync<ResetPasswordDialog>("Reset password", parameters, DialogOptions);
            await AfterDialogAsync(await dialog.Result);
            return;
        }

        var question = UserActionQuestions.For(action);
        var confirm = await Dialogs.ShowAsync<ConfirmDialog>(question.Title, new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, question.Message }, { d => d.Detail, question.Detail },
            { d => d.ConfirmText, question.ConfirmText }, { d => d.ConfirmColor, question.Color }, { d => d.Icon, question.Icon },
        }, DialogOptions);
        if (await confirm.Result is null or { Canceled: true }) return;

        var actor = await CurrentUser.GetAsync();
        var result = actor is null ? AdminResult.NotAllowed : action.Kind switch
        {
            UserActionKind.Disable => await Admin.DisableAsync(actor, action.User.Id),
            UserActionKind.Enable => await Admin.EnableAsync(actor, action.User.Id),
            UserActionKind.GrantAdmin => await Admin.GrantAdminAsync(actor, action.User.Id),
            UserActionKind.RevokeAdmin => await Admin.RevokeAdminAsync(actor, action.User.Id),
            _ => AdminResult.Fail("Unknown action."),
        };
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        if (grid is not null) await grid.ReloadServerData();
    }

    private async Task AfterDialogAsync(DialogResult? result)
    {
        if (result is null or { Canceled: true }) return;
        if (result.Data is string message) Snackbar.Add(message, Severity.Success);
        if (grid is not null) await grid.ReloadServerData();
    }
}

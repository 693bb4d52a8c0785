using Microsoft.AspNetCore.Components;
using MudBlazor;
using VideoHub.Account;
using VideoHub.Domain.Users;

namespace VideoHub.Features.Projects.Pages;

/// <summary>
/// Loads the project named in the URL for the signed-in user. A project they may not see, or a page their role
/// does not allow, answers exactly like a project that does not exist: NotFound (HTTP 404 while prerendering).
/// </summary>
public abstract class ProjectPageBase : ComponentBase
{
    [Parameter] public Guid Id { get; set; }

    [Inject] protected ProjectService Projects { get; set; } = default!;
    [Inject] protected CurrentUser CurrentUser { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    protected Actor Actor { get; private set; } = default!;
    protected ProjectDetails? Project { get; private set; }

    /// <summary>Pages for managers only override this.</summary>
    protected virtual bool Allows(ProjectGrant access) => access.CanView;

    protected override async Task OnParametersSetAsync()
    {
        if (Project?.Id == Id) return;
        await ReloadAsync();
    }

    protected async Task ReloadAsync()
    {
        Actor = await CurrentUser.RequireAsync();
        var project = await Projects.GetAsync(Actor, Id);
        if (project is null || !Allows(project.Access))
        {
            Project = null;
            Navigation.NotFound();
            return;
        }
        Project = project;
        await OnProjectLoadedAsync(project);
    }

    protected virtual Task OnProjectLoadedAsync(ProjectDetails project) => Task.CompletedTask;

    /// <summary>Shows the outcome of a change and reloads, so the page shows what the database now holds.</summary>
    protected async Task<bool> ReportAsync(Result result, string success)
    {
        Snackbar.Add(result.Succeeded ? success : result.Message, result.Succeeded ? Severity.Success : Severity.Warning);
        await ReloadAsync();
        return result.Succeeded;
    }
}

using MudBlazor;

namespace VideoHub.Features.Admin.Users;

/// <summary>What the confirmation dialog asks before each action, and what the confirm button says.</summary>
public sealed record UserActionQuestion(string Title, string Message, string? Detail, string ConfirmText, Color Color, string Icon);

public static class UserActionQuestions
{
    public static UserActionQuestion For(UserAction action)
    {
        var u = action.User;
        var who = $"{u.DisplayName} ({u.Email})";
        return action.Kind switch
        {
            UserActionKind.Disable => new("Disable account", $"Disable {who}?",
                "They cannot sign in any more, and their open sessions end within a minute. Their projects, renders and audit history stay. You can enable the account again at any time.",
                "Disable account", Color.Error, Icons.Material.Outlined.PersonOff),
            UserActionKind.Enable => new("Enable account", $"Enable {who}?",
                "They can sign in again with their current password and get back the access they had.",
                "Enable account", Color.Primary, Icons.Material.Outlined.PersonAddAlt),
            UserActionKind.GrantAdmin => new("Make administrator", $"Make {who} an administrator?",
                "Administrators manage users, providers, policies, budgets and the system, and can read the whole audit log.",
                "Make admin", Color.Primary, Icons.Material.Outlined.AddModerator),
            UserActionKind.RevokeAdmin => new("Remove admin rights", $"Remove administrator rights from {who}?",
                "They stay a member of their projects. Their open sessions end within a minute, and they sign in again without admin rights.",
                "Remove admin rights", Color.Warning, Icons.Material.Outlined.RemoveModerator),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.Kind, null),
        };
    }
}

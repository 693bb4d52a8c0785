namespace VideoHub.Features.Admin.Users;

public enum UserStatus { Active, Disabled, LockedOut }

public sealed record UserRow(
    string Id, string Email, string DisplayName, bool IsAdmin, UserStatus Status,
    DateTime CreatedAt, DateTime? DisabledAt, DateTimeOffset? LockoutEnd, DateTime? LastSignInAt);

public enum UserSortField { CreatedAt, DisplayName, Email }

public sealed record UserListRequest(
    string? Search = null, int Page = 0, int PageSize = 25,
    UserSortField SortBy = UserSortField.CreatedAt, bool Descending = true);

public sealed record UserListPage(IReadOnlyList<UserRow> Rows, int TotalCount);

public sealed record NewUser(string Email, string DisplayName, string Password);

/// <summary>Field names used in <see cref="AdminResult.FieldErrors"/> for user forms.</summary>
public static class UserFields
{
    public const string Email = nameof(NewUser.Email);
    public const string DisplayName = nameof(NewUser.DisplayName);
    public const string Password = nameof(NewUser.Password);
}

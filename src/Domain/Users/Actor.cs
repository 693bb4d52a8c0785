namespace VideoHub.Domain.Users;

/// <summary>The signed-in user a service acts for. Services take it explicitly instead of reading ambient state.</summary>
public sealed record Actor(string UserId, string UserName, bool IsAdmin);

public static class Roles
{
    public const string Admin = "Admin";
}

namespace VideoHub.Features.Admin.Users;

public enum UserActionKind { ResetPassword, Disable, Enable, GrantAdmin, RevokeAdmin }

public sealed record UserAction(UserActionKind Kind, UserRow User);

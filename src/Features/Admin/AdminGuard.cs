using VideoHub.Domain.Users;

namespace VideoHub.Features.Admin;

internal static class AdminGuard
{
    /// <summary>For read-only queries: the actor was just resolved from the database by CurrentUser.</summary>
    public static void Demand(Actor actor)
    {
        if (!actor.IsAdmin) throw new UnauthorizedAccessException("Only an administrator can do this.");
    }
}

using Microsoft.EntityFrameworkCore;
using VideoHub.Data;

namespace VideoHub.Features.Api.Endpoints;

/// <summary>
/// The project a take belongs to, so take routes (/api/v1/takes/{id}/…) can call the project-scoped feature services,
/// which do every access check themselves. Only the project id is read here; null for an unknown take.
/// </summary>
public sealed class ApiTakeProject(IDbContextFactory<VideoHubDbContext> dbFactory)
{
    public async Task<Guid?> FindAsync(Guid takeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Videos.AsNoTracking().Where(v => v.Id == takeId).Select(v => (Guid?)v.ProjectId).FirstOrDefaultAsync(ct);
    }
}

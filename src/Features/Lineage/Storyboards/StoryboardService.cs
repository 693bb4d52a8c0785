using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Lineage;
using VideoHub.Domain.Users;
using VideoHub.Features.Policy;
using VideoHub.Features.Projects;
using VideoHub.Media;

namespace VideoHub.Features.Lineage.Storyboards;

/// <summary>Storyboards of a project: list, create, read, and edit their shots (add, change, reorder, remove).</summary>
public sealed class StoryboardService(IDbContextFactory<VideoHubDbContext> dbFactory, IMediaStorage storage, AuditLog audit,
    TimeProvider clock)
{
    public const int MaxImageBytes = 10 * 1024 * 1024;

    public async Task<IReadOnlyList<StoryboardSummary>?> ListAsync(Actor actor, Guid projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        return await db.Storyboards.AsNoTracking().Where(s => s.ProjectId == projectId).OrderByDescending(s => s.CreatedAt)
            .Select(s => new StoryboardSummary(s.Id, s.Name, s.Shots.Count, s.Shots.Sum(x => x.Seconds), s.BatchId != null,
                s.SequenceVideoId, s.CreatedAt)).ToListAsync(ct);
    }

    public async Task<StoryboardResult> CreateAsync(Actor actor, Guid projectId, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > Storyboard.NameMaxLength)
            return StoryboardResult.Fail($"Give the storyboard a name of 1 to {Storyboard.NameMaxLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanView) return StoryboardResult.NotFound;
        if (!grant.CanEdit || grant.IsArchived) return StoryboardResult.Fail("Only Editors and Owners of an active project can make storyboards.");
        var settings = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Settings.DefaultModel, p.Settings.DefaultSize }).FirstAsync(ct);
        var profile = await db.ProviderModels.AsNoTracking().Where(m => m.Enabled && db.Providers.Any(p => p.Id == m.ProviderId && p.Enabled))
            .OrderByDescending(m => m.Model == settings.DefaultModel).ThenBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (profile is null) return StoryboardResult.Fail("No provider is enabled; ask an administrator to enable one.");
        var now = clock.GetUtcNow().UtcDateTime;
        var board = new Storyboard
        {
            ProjectId = projectId, Name = name, ProviderId = profile.ProviderId, Model = profile.Model,
            Size = profile.FindSize(settings.DefaultSize)?.Size ?? profile.Sizes.FirstOrDefault()?.Size ?? "1280x720",
            CreatedById = actor.UserId, CreatedByName = actor.UserName, CreatedAt = now, UpdatedAt = now,
        };
        db.Storyboards.Add(board);
        audit.Add(db, actor, AuditActions.StoryboardCreated, nameof(Storyboard), board.Id.ToString(), $"Created storyboard “{name}”.", projectId);
        await db.SaveChangesAsync(ct);
        return StoryboardResult.Ok(board.Id);
    }

    public async Task<StoryboardView?> GetAsync(Actor actor, Guid projectId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProjectAccess.GetAsync(db, actor, projectId, ct)).CanView) return null;
        var board = await db.Storyboards.AsNoTracking().Include(s => s.Shots)
            .FirstOrDefaultAsync(s => s.Id == id && s.ProjectId == projectId, ct);
        if (board is null) return null;
        var shots = board.Shots.OrderBy(s => s.Position).ToList();
        var requestIds = shots.Where(s => s.RenderRequestId != null).Select(s => s.RenderRequestId!.Value).ToList();
        var requests = await db.RenderRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .Select(r => new { r.Id, r.State, r.VideoId }).ToDictionaryAsync(r => r.Id, ct);
        var approved = await StoryboardTakes.ApprovedAsync(db, requests.Values.Where(r => r.VideoId != null).Select(r => r.VideoId!.Value), ct);
        var profile = await db.ProviderModels.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderId == board.ProviderId && m.Model == board.Model, ct);
        var catalog = await db.CatalogItems.AsNoTracking().Where(i => !i.IsRetired).OrderBy(i => i.Name)
            .Select(i => new CatalogChoice(i.Id, i.Name)).ToListAsync(ct);
        return new StoryboardView(board.Id, projectId, board.Name, board.ProviderId, board.Model, board.Size, board.BatchId,
            board.SequenceVideoId, shots.Select(s =>
            {
                var r = s.RenderRequestId is { } rid ? requests.GetValueOrDefault(rid) : null;
                return new ShotView(s.Id, s.Position, s.Prompt, s.Seconds, s.CatalogItemIds, s.ImageReferenceKey is not null,
                    s.ContinueFromPrevious, r?.Id, r?.State, r?.VideoId, r?.VideoId is { } v ? approved.GetValueOrDefault(v) : null);
            }).ToList(), profile?.Seconds ?? [4, 8, 12], profile?.Sizes.Select(z => z.Size).ToList() ?? [board.Size], catalog);
    }

    public async Task<StoryboardResult> SaveShotAsync(Actor actor, Guid projectId, Guid storyboardId, Guid? shotId, ShotInput input,
        CancellationToken ct = default)
    {
        var prompt = input.Prompt.Trim();
        if (prompt.Length == 0) return StoryboardResult.Fail("Write the shot's prompt.");
        if (prompt.Length > Domain.Rendering.RenderRequest.PromptMaxLength) return StoryboardResult.Fail("The prompt is too long.");
        if (input.ImageBytes is { } bytes && (bytes.Length > MaxImageBytes || ImageHeader.Read(bytes) is null))
            return StoryboardResult.Fail("The image must be a PNG, JPEG or WebP file under 10 MB.");
        if (input.ContinueFromPrevious && input.ImageBytes is not null)
            return StoryboardResult.Fail("A shot that continues the previous one starts from its last frame; remove the image.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (board, error) = await LoadForChangeAsync(db, actor, projectId, storyboardId, ct);
        if (board is null) return error!;
        var shot = shotId is { } sid ? board.Shots.FirstOrDefault(s => s.Id == sid) : new StoryboardShot { Position = board.Shots.Count + 1 };
        if (shot is null) return StoryboardResult.Fail("This shot no longer exists.");
        if (shotId is null && board.Shots.Count >= Storyboard.MaxShots) return StoryboardResult.Fail($"A storyboard holds at most {Storyboard.MaxShots} shots.");
        if (input.ContinueFromPrevious && shot.Position == 1) return StoryboardResult.Fail("The first shot has no previous shot to continue.");
        var profile = await db.ProviderModels.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderId == board.ProviderId && m.Model == board.Model, ct);
        if (profile is not null && !profile.Seconds.Contains(input.Seconds))
            return StoryboardResult.Fail($"{board.Model} renders {string.Join(", ", profile.Seconds)} seconds.");

        shot.Prompt = prompt;
        shot.Seconds = input.Seconds;
        shot.CatalogItemIds = [.. input.CatalogItemIds.Distinct()];
        shot.ContinueFromPrevious = input.ContinueFromPrevious;
        if (input.RemoveImage || input.ContinueFromPrevious) shot.ImageReferenceKey = null;
        if (input.ImageBytes is { } image) shot.ImageReferenceKey = await StoreImageAsync(board, image, ct);
        if (shotId is null)
        {
            shot.StoryboardId = board.Id;
            db.StoryboardShots.Add(shot); // a new key set by the client: tell EF it is an insert
        }
        return await SaveAsync(db, actor, board, $"Saved shot {shot.Position}.", ct);
    }

    public async Task<StoryboardResult> RemoveShotAsync(Actor actor, Guid projectId, Guid storyboardId, Guid shotId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (board, error) = await LoadForChangeAsync(db, actor, projectId, storyboardId, ct);
        if (board is null) return error!;
        var shot = board.Shots.FirstOrDefault(s => s.Id == shotId);
        if (shot is null) return StoryboardResult.Fail("This shot no longer exists.");
        db.StoryboardShots.Remove(shot);
        board.Shots.Remove(shot);
        Renumber(board);
        return await SaveAsync(db, actor, board, $"Removed shot {shot.Position}.", ct);
    }

    /// <summary>Moves a shot up (-1) or down (+1).</summary>
    public async Task<StoryboardResult> MoveShotAsync(Actor actor, Guid projectId, Guid storyboardId, Guid shotId, int delta, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (board, error) = await LoadForChangeAsync(db, actor, projectId, storyboardId, ct);
        if (board is null) return error!;
        var ordered = board.Shots.OrderBy(s => s.Position).ToList();
        var from = ordered.FindIndex(s => s.Id == shotId);
        var to = from + Math.Sign(delta);
        if (from < 0 || to < 0 || to >= ordered.Count) return StoryboardResult.Fail("This shot cannot move further.");
        (ordered[from], ordered[to]) = (ordered[to], ordered[from]);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        Renumber(board);
        return await SaveAsync(db, actor, board, $"Moved a shot to position {to + 1}.", ct);
    }

    public async Task<StoryboardResult> SetFormatAsync(Actor actor, Guid projectId, Guid storyboardId, string size, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (board, error) = await LoadForChangeAsync(db, actor, projectId, storyboardId, ct);
        if (board is null) return error!;
        var profile = await db.ProviderModels.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderId == board.ProviderId && m.Model == board.Model, ct);
        if (profile?.FindSize(size) is null) return StoryboardResult.Fail($"{board.Model} cannot render {size}.");
        board.Size = size;
        return await SaveAsync(db, actor, board, $"Changed the size to {size}.", ct);
    }

    private static void Renumber(Storyboard board)
    {
        var i = 1;
        foreach (var shot in board.Shots.OrderBy(s => s.Position)) shot.Position = i++;
        // The first shot has nothing to continue from.
        if (board.Shots.FirstOrDefault(s => s.Position == 1) is { } first) first.ContinueFromPrevious = false;
    }

    private async Task<(Storyboard?, StoryboardResult?)> LoadForChangeAsync(VideoHubDbContext db, Actor actor, Guid projectId, Guid id, CancellationToken ct)
    {
        var grant = await ProjectAccess.GetAsync(db, actor, projectId, ct);
        if (!grant.CanView) return (null, StoryboardResult.NotFound);
        if (!grant.CanEdit || grant.IsArchived) return (null, StoryboardResult.Fail("Only Editors and Owners of an active project can change storyboards."));
        var board = await db.Storyboards.Include(s => s.Shots).FirstOrDefaultAsync(s => s.Id == id && s.ProjectId == projectId, ct);
        return board is null ? (null, StoryboardResult.NotFound) : (board, null);
    }

    private async Task<StoryboardResult> SaveAsync(VideoHubDbContext db, Actor actor, Storyboard board, string summary, CancellationToken ct)
    {
        board.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        board.Version = Guid.NewGuid();
        audit.Add(db, actor, AuditActions.StoryboardChanged, nameof(Storyboard), board.Id.ToString(), $"{board.Name}: {summary}", board.ProjectId);
        try
        {
            await db.SaveChangesAsync(ct);
            return StoryboardResult.Ok(board.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StoryboardResult.Fail("Someone changed this storyboard meanwhile; look again and retry.");
        }
    }

    private async Task<string> StoreImageAsync(Storyboard board, byte[] bytes, CancellationToken ct)
    {
        var extension = ImageHeader.Read(bytes)?.ContentType switch { "image/png" => ".png", "image/webp" => ".webp", _ => ".jpg" };
        await using var write = storage.BeginWrite($"projects/{board.ProjectId:N}/storyboards/{board.Id:N}/{Guid.NewGuid():N}{extension}");
        await write.Stream.WriteAsync(bytes, ct);
        await write.CommitAsync();
        return write.Key;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VideoHub.Data;
using VideoHub.Domain.Audit;
using VideoHub.Domain.Catalog;
using VideoHub.Domain.Users;
using VideoHub.Features.Projects;

namespace VideoHub.Features.Catalog;

public sealed partial class CatalogService
{
    /// <summary>Changes the rights record and project availability: the item's owner or an Admin only.</summary>
    public async Task<CatalogResult<bool>> ChangeRightsAsync(Actor actor, Guid itemId, CatalogRightsInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.CatalogItems.Include(i => i.AllowedProjects).FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return CatalogResult<bool>.Missing();
        if (!CanChangeRights(item, actor))
            return CatalogResult<bool>.Invalid("Only the item's owner or an Admin can change its rights and availability.");
        if (item.IsRetired) return CatalogResult<bool>.Invalid("This item is retired and can no longer be changed.");
        if (await ValidateRightsAsync(db, actor, input, Now, item.RightsExpireAt, ct) is { } problem)
            return CatalogResult<bool>.Invalid(problem.Error, problem.Field);

        var before = RightsJson(item);
        ApplyRights(item, input);
        var after = RightsJson(item);
        if (before == after) return CatalogResult<bool>.Ok(false);
        var now = Now;
        item.UpdatedAt = now;
        item.Version = Guid.NewGuid();
        db.CatalogRightsChanges.Add(RightsChange(actor, item, "Rights or availability changed.", before, now));
        audit.Add(db, actor, AuditActions.CatalogRightsChanged, nameof(CatalogItem), item.Id.ToString(),
            $"Changed the rights of “{item.Name}”.", before: before, after: after);
        return await SaveAsync(db, ct) ? CatalogResult<bool>.Ok(true) : CatalogResult<bool>.Invalid("The item changed meanwhile; reload and try again.");
    }

    private static void Apply(CatalogItem item, CatalogItemInput input)
    {
        item.Name = input.Name.Trim();
        item.NormalizedName = CatalogRules.Normalize(item.Name);
        item.Kind = input.Kind;
        item.Description = (input.Description ?? "").Trim();
        item.Tags = CatalogTags.Join(input.Tags);
    }

    private static void ApplyRights(CatalogItem item, CatalogRightsInput input)
    {
        item.RightsHolder = (input.RightsHolder ?? "").Trim();
        item.LicenceNote = (input.LicenceNote ?? "").Trim();
        item.RightsExpireAt = input.RightsExpireAt is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;
        item.AvailableToAllProjects = input.AvailableToAllProjects;
        var wanted = input.AvailableToAllProjects ? [] : input.AllowedProjectIds.Distinct().ToHashSet();
        item.AllowedProjects.RemoveAll(p => !wanted.Contains(p.ProjectId));
        foreach (var id in wanted.Where(id => item.AllowedProjects.All(p => p.ProjectId != id)))
            item.AllowedProjects.Add(new CatalogItemProject { CatalogItemId = item.Id, ProjectId = id });
    }

    private sealed record Problem(string Error, string Field);

    private static async Task<Problem?> ValidateAsync(VideoHubDbContext db, CatalogItemInput input, Guid? self, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        if (CatalogRules.NameProblem(name) is { } nameProblem) return new(nameProblem, "name");
        var normalized = CatalogRules.Normalize(name);
        if (await db.CatalogItems.AnyAsync(i => i.NormalizedName == normalized && i.Id != self, ct))
            return new($"An item named “{name}” already exists (names ignore case). Choose another name.", "name");
        if ((input.Description ?? "").Length > CatalogItem.DescriptionMaxLength)
            return new($"Keep the description under {CatalogItem.DescriptionMaxLength} characters.", "description");
        var tags = CatalogTags.Normalize(input.Tags);
        if (tags.Count > CatalogTags.MaxTags) return new($"Use at most {CatalogTags.MaxTags} tags.", "tags");
        if (tags.FirstOrDefault(t => t.Length > CatalogTags.TagMaxLength) is { } longTag)
            return new($"The tag “{longTag}” is longer than {CatalogTags.TagMaxLength} characters.", "tags");
        if (!Enum.IsDefined(input.Kind)) return new("Choose character or object.", "kind");
        return null;
    }

    /// <summary>
    /// The rights record as typed. An expiry date already past is refused (an item is added or changed only with rights
    /// that hold), unless it is the date the item already has, so an item whose rights ran out can still get other fixes.
    /// </summary>
    private static async Task<Problem?> ValidateRightsAsync(VideoHubDbContext db, Actor actor, CatalogRightsInput input, DateTime now,
        DateTime? currentExpiry, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.RightsHolder)) return new("Say who holds the rights (a person, studio or agency).", "rightsHolder");
        if (input.RightsExpireAt is { } expires && expires.Date < now.Date && expires.Date != currentExpiry?.Date)
            return new($"The rights expiry date {expires:yyyy-MM-dd} is in the past. Enter the date the rights end, or leave it empty if they do not expire.",
                "rightsExpiry");
        if (input.RightsHolder.Trim().Length > CatalogItem.RightsHolderMaxLength)
            return new($"Keep the rights holder under {CatalogItem.RightsHolderMaxLength} characters.", "rightsHolder");
        if ((input.LicenceNote ?? "").Length > CatalogItem.LicenceNoteMaxLength)
            return new($"Keep the licence or consent note under {CatalogItem.LicenceNoteMaxLength} characters.", "licenceNote");
        if (!input.AvailableToAllProjects)
        {
            var ids = input.AllowedProjectIds.Distinct().ToList();
            if (ids.Count == 0) return new("Choose at least one project, or make the item available to all projects.", "projects");
            var visible = await ProjectAccess.Visible(db, actor).CountAsync(p => ids.Contains(p.Id), ct);
            if (visible != ids.Count) return new("One of the chosen projects does not exist, or you cannot see it.", "projects");
        }
        return null;
    }

    private static CatalogRightsChange RightsChange(Actor actor, CatalogItem item, string summary, string? before, DateTime now) => new()
    {
        CatalogItemId = item.Id, At = now, ByUserId = actor.UserId, ByName = actor.UserName, Summary = summary,
        Before = before, After = RightsJson(item),
    };

    private static string RightsJson(CatalogItem item)
    {
        var json = JsonSerializer.Serialize(new
        {
            holder = item.RightsHolder,
            licence = item.LicenceNote,
            expires = item.RightsExpireAt?.ToString("yyyy-MM-dd"),
            allProjects = item.AvailableToAllProjects,
            projects = item.AllowedProjects.Select(p => p.ProjectId).Order().ToList(),
        });
        return json.Length > CatalogRightsChange.TextMaxLength ? json[..CatalogRightsChange.TextMaxLength] : json;
    }

    private async Task<bool> SaveAsync(VideoHubDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            log.LogInformation("A catalog change was refused by the database: {Error}", ex.InnerException?.Message ?? ex.Message);
            return false;
        }
    }

    private Task DeleteFilesAsync(CatalogItemVersion version) => DeleteKeysAsync(version.ClipKey, version.PosterKey);

    private async Task DeleteKeysAsync(params string[] keys)
    {
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k)))
        {
            try { await storage.DeleteAsync(key); } catch (IOException) { /* housekeeping */ }
        }
    }
}

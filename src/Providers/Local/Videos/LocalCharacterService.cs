using VideoHub.Providers.OpenAiCompatible.Wire;

namespace VideoHub.Providers.Local;

/// <summary>Characters from 2–4 s clips (reference §2.5); a video naming one shows the name.</summary>
public sealed class LocalCharacterService(LocalProviderStore store, TimeProvider clock)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(100);

    public async Task<LocalCharacter> CreateAsync(WireRequest request, CancellationToken ct)
    {
        var name = request.Fields.String("name")?.Trim() ?? throw WireError.Missing("name");
        if (name.Length is 0 or > LocalValidation.MaxCharacterNameLength)
            throw WireError.Invalid($"Invalid 'name': expected 1 to {LocalValidation.MaxCharacterNameLength} characters.", "name");
        var clip = request.File("video") ?? throw WireError.Missing("video");

        var id = LocalProviderStore.NewId("char_");
        var temp = Path.Combine(store.Paths.Uploads, id + ".upload");
        try
        {
            await using (var target = File.Create(temp)) await clip.CopyToAsync(target, ct);
            var facts = await MediaChecks.VideoAsync(temp, ct)
                ?? throw WireError.Invalid("Invalid 'video': expected an MP4 video clip.", "video", "invalid_video");
            if (facts.Duration < TimeSpan.FromSeconds(2) - Tolerance || facts.Duration > TimeSpan.FromSeconds(4) + Tolerance)
                throw WireError.Invalid($"Invalid 'video': a character clip must be 2 to 4 seconds long; this one is {facts.Duration.TotalSeconds:0.0} s.",
                    "video", "invalid_video_duration");
            File.Move(temp, store.Paths.CharacterClip(id), overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        var character = new LocalCharacter(id, name, clock.GetUtcNow());
        store.Characters.Put(character);
        return character;
    }

    public LocalCharacter Get(string id) =>
        store.Characters.Get(id) ?? throw WireError.NotFound($"Character with id '{id}' not found.", "character_id");

    public static CharacterDto ToDto(LocalCharacter c) => new() { Id = c.Id, Name = c.Name, CreatedAt = c.CreatedAt.ToUnixTimeSeconds() };
}

using VideoHub.Domain.Policy;
using VideoHub.Domain.Providers;
using VideoHub.Domain.Rendering;

namespace VideoHub.Features.Policy;

/// <summary>What the chosen model's profile allows: operation, size, seconds, prompt length, characters, chains.</summary>
public static class CapabilityCheck
{
    private const FindingCategory Category = FindingCategory.Capability;

    public static List<PolicyFinding> ModelFindings(PolicyCheckInput input, ProviderDefinition? provider, ProviderModelProfile? profile)
    {
        if (provider is null || !provider.Enabled)
            return [PolicyFinding.Block(Category, $"The provider “{input.ProviderId}” is not available.", "Choose another provider.")];
        if (profile is null)
            return [PolicyFinding.Block(Category, $"{provider.Name} has no model “{input.Model}”. Available: {List(provider.Models.Where(m => m.Enabled).Select(m => m.Model))}.",
                "Choose one of the available models.")];
        if (!profile.Enabled)
            return [PolicyFinding.Block(Category, $"The model {profile.Model} of {provider.Name} is turned off.", "Choose another model.")];
        return [];
    }

    public static List<PolicyFinding> Findings(PolicyCheckInput input, ProviderModelProfile p)
    {
        var f = new List<PolicyFinding>();
        if (!p.Supports(FlagOf(input.Operation)) && !(input.Operation == RenderOperation.Extend && ExtendsByStitching(p)))
            f.Add(PolicyFinding.Block(Category, $"{p.Model} cannot {Verb(input.Operation)} videos.", "Choose a model that can, or another operation."));
        CheckSizeAndSeconds(input, p, f);
        var length = input.Prompt?.Length ?? 0;
        if (string.IsNullOrWhiteSpace(input.Prompt))
            f.Add(PolicyFinding.Block(Category, "Write a prompt: it cannot be empty."));
        else if (length > p.MaxPromptLength)
            f.Add(PolicyFinding.Block(Category, $"The prompt has {length:N0} characters; {p.Model} accepts at most {p.MaxPromptLength:N0}.", "Shorten the prompt."));
        var characters = input.CharacterNames.Count;
        if (input.Operation == RenderOperation.Extend)
            CheckExtension(input, p, f);
        else if (characters > 0 && !p.Supports(ProviderOperations.Characters))
            f.Add(PolicyFinding.Block(Category, $"{p.Model} cannot use characters.", "Remove the characters or choose another model."));
        else if (characters > p.MaxCharacters)
            f.Add(PolicyFinding.Block(Category, $"{characters} characters are attached; at most {p.MaxCharacters} can appear in one render.",
                $"Remove {characters - p.MaxCharacters} of them."));
        if (input.ImageReference is not null && input.Operation != RenderOperation.Extend && !p.Supports(ProviderOperations.ImageReference))
            f.Add(PolicyFinding.Block(Category, $"{p.Model} cannot start from an image reference.", "Remove the image or choose another model."));
        return f;
    }

    private static void CheckSizeAndSeconds(PolicyCheckInput input, ProviderModelProfile p, List<PolicyFinding> f)
    {
        var needed = input.Operation is RenderOperation.Create or RenderOperation.Extend;
        if (input.Size is null && needed && input.Operation == RenderOperation.Create)
            f.Add(PolicyFinding.Block(Category, $"Choose a size. {p.Model} offers {List(p.Sizes.Select(s => s.Size))}."));
        else if (input.Size is { } size && p.FindSize(size) is null)
            f.Add(PolicyFinding.Block(Category, $"{p.Model} cannot render {size}. Allowed sizes: {List(p.Sizes.Select(s => s.Size))}.",
                "Choose one of the allowed sizes, or a model that offers this one."));
        if (input.Seconds is null && needed)
            f.Add(PolicyFinding.Block(Category, $"Choose a length. {p.Model} renders {List(p.Seconds.Select(s => s.ToString()))} seconds."));
        else if (input.Seconds is { } seconds && !p.Seconds.Contains(seconds))
            f.Add(PolicyFinding.Block(Category, $"{p.Model} cannot render {seconds} seconds. Allowed lengths: {List(p.Seconds.Select(s => s.ToString()))} seconds.",
                "Choose one of the allowed lengths."));
    }

    private static void CheckExtension(PolicyCheckInput input, ProviderModelProfile p, List<PolicyFinding> f)
    {
        if (input.CharacterNames.Count > 0)
            f.Add(PolicyFinding.Block(Category, "An extension cannot carry characters; they come from the video it extends.", "Remove the characters."));
        if (input.ImageReference is not null)
            f.Add(PolicyFinding.Block(Category, "An extension cannot have an image reference; it continues from the last frame.", "Remove the image."));
        var chain = input.Chain ?? new ExtensionChainInput(0, 0);
        if (chain.ExtensionCount + 1 > p.MaxExtensions)
            f.Add(PolicyFinding.Block(Category, $"This would be extension {chain.ExtensionCount + 1} of the chain; {p.Model} allows at most {p.MaxExtensions}.",
                "Start a new video from the last take instead."));
        var total = chain.TotalSeconds + (input.Seconds ?? 0);
        if (total > p.MaxChainSeconds)
            f.Add(PolicyFinding.Block(Category, $"This extension would make the chain {total} seconds long; at most {p.MaxChainSeconds} seconds are allowed.",
                $"Choose at most {Math.Max(0, p.MaxChainSeconds - chain.TotalSeconds)} seconds."));
    }

    /// <summary>A model without native extension that can start from an image: VideoHub renders a continuation and joins it.</summary>
    public static bool ExtendsByStitching(ProviderModelProfile p) =>
        !p.Supports(ProviderOperations.Extend) && p.Supports(ProviderOperations.ImageReference | ProviderOperations.Create);

    public static ProviderOperations FlagOf(RenderOperation op) => op switch
    {
        RenderOperation.Remix => ProviderOperations.Remix,
        RenderOperation.Edit => ProviderOperations.Edit,
        RenderOperation.Extend => ProviderOperations.Extend,
        _ => ProviderOperations.Create,
    };

    private static string Verb(RenderOperation op) => op switch
    {
        RenderOperation.Remix => "remix",
        RenderOperation.Edit => "edit",
        RenderOperation.Extend => "extend",
        _ => "create",
    };

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch { 0 => "none", 1 => all[0], _ => string.Join(", ", all[..^1]) + " and " + all[^1] };
    }
}

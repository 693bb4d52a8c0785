using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace VideoHub.Providers.Local;

/// <summary>
/// The provider's own moderation, separate from VideoHub's pre-check rules: a small term list that makes a job fail
/// with error.code "moderation_blocked", so that VideoHub's handling of provider rejections can be exercised.
/// </summary>
public sealed class LocalModeration(IOptions<LocalProviderOptions> options)
{
    /// <summary>"provider-block-test" is the documented trigger for tests; the rest stand in for a real list.</summary>
    public static readonly IReadOnlyList<string> BuiltInTerms = ["provider-block-test", "gore", "nsfw", "beheading"];

    public LocalJobError? Check(string prompt)
    {
        foreach (var term in BuiltInTerms.Concat(options.Value.ModerationTerms))
        {
            if (term.Length > 0 && Regex.IsMatch(prompt, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                return new LocalJobError(ProviderVideoError.ModerationBlocked,
                    $"Your request was blocked by our moderation system (it mentions '{term}').");
        }
        return null;
    }
}

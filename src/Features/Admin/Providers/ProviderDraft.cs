using System.Globalization;
using System.Text;
using VideoHub.Domain.Providers;
using VideoHub.Providers.Settings;

namespace VideoHub.Features.Admin.Providers;

/// <summary>
/// The provider dialog's form: the <see cref="ProviderEdit"/> the service takes, plus what only a form has (the
/// clip lengths as typed, whether the id still follows the name). Field keys match the service's error keys.
/// </summary>
public sealed class ProviderDraft
{
    public ProviderDraft(ProviderSummary? existing)
    {
        IsNew = existing is null;
        Edit = existing is null ? new ProviderEdit { Models = [StarterModel()] } : ProviderEdit.From(existing);
        HasSavedApiKey = existing?.HasApiKey ?? false;
        HasSavedWebhookSecret = existing?.HasWebhookSecret ?? false;
        // A new provider's starter model is open, ready to fill in; an existing provider's models start folded.
        Models = Edit.Models.Select(m => new ModelDraft(m) { Expanded = IsNew }).ToList();
        idFollowsName = IsNew;
    }

    private bool idFollowsName;

    public bool IsNew { get; }
    public ProviderEdit Edit { get; }
    public bool HasSavedApiKey { get; }
    public bool HasSavedWebhookSecret { get; }
    public List<ModelDraft> Models { get; }

    public string Name
    {
        get => Edit.Name;
        set
        {
            Edit.Name = value;
            if (idFollowsName) Edit.Id = Slug(value);
        }
    }

    public string Id
    {
        get => Edit.Id;
        set => (Edit.Id, idFollowsName) = (value, false);
    }

    public void AddModel() => Models.Add(new ModelDraft(StarterModel()) { Expanded = true });

    /// <summary>
    /// The edit to send, and the form's own field errors (clip lengths that are not numbers). A model whose lengths
    /// do not parse is sent with none, which the service refuses, so the admin sees every other field's error too.
    /// </summary>
    public ProviderEdit Build(out Dictionary<string, string> formErrors)
    {
        formErrors = [];
        for (var i = 0; i < Models.Count; i++)
            if (!Models[i].TryApplySeconds()) formErrors[$"Models[{i}].Seconds"] = "Write whole seconds separated by commas, e.g. 4, 8, 12.";
        Edit.Models = Models.Select(m => m.Profile).ToList();
        return Edit;
    }

    /// <summary>"LiteLLM gateway (EU)" → "litellm-gateway-eu": a readable id that passes the service's rule.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length <= ProviderDefinition.IdMaxLength ? text : text[..ProviderDefinition.IdMaxLength].TrimEnd('-');
    }

    private static ProviderModelProfile StarterModel() => new()
    {
        Sizes =
        [
            new ProviderModelSize { Size = "1280x720" },
            new ProviderModelSize { Size = "720x1280" },
        ],
    };
}

/// <summary>One model in the form: its profile and its clip lengths as typed ("4, 8, 12").</summary>
public sealed class ModelDraft(ProviderModelProfile profile)
{
    public ProviderModelProfile Profile { get; } = profile;
    public string SecondsText { get; set; } = string.Join(", ", profile.Seconds);
    public bool Expanded { get; set; }

    public bool Supports(ProviderOperations operation) => Profile.Supports(operation);

    public void Set(ProviderOperations operation, bool on) =>
        Profile.Operations = on ? Profile.Operations | operation : Profile.Operations & ~operation;

    public bool TryApplySeconds()
    {
        var parts = SecondsText.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var seconds = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                Profile.Seconds = [];
                return false;
            }
            seconds.Add(s);
        }
        Profile.Seconds = seconds;
        return true;
    }
}

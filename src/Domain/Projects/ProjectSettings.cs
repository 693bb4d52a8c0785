namespace VideoHub.Domain.Projects;

/// <summary>Defaults for new render requests and the project's spending rules.</summary>
public class ProjectSettings
{
    public const decimal MaxBudgetUsd = 1_000_000m;

    public string DefaultModel { get; set; } = "sora-2";
    public string DefaultSize { get; set; } = "1280x720";
    public int DefaultSeconds { get; set; } = 4;

    /// <summary>Monthly spending limit; 0 means nothing may be spent.</summary>
    public decimal MonthlyBudgetUsd { get; set; } = 100m;

    /// <summary>Renders estimated above this need an Owner's approval; null means never.</summary>
    public decimal? ApprovalThresholdUsd { get; set; }

    /// <summary>How many approvals a take needs to count as approved.</summary>
    public int ApprovalsRequired { get; set; } = 1;

    public static readonly int[] AllowedSeconds = [4, 8, 12, 16, 20];

    /// <summary>Returns the problems with these settings, keyed by field; empty when valid.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(DefaultModel) || DefaultModel.Length > 100)
            errors[nameof(DefaultModel)] = "Choose a default model (at most 100 characters).";
        if (!VideoSize.TryParse(DefaultSize, out _))
            errors[nameof(DefaultSize)] = "The default size must look like 1280x720.";
        if (!AllowedSeconds.Contains(DefaultSeconds))
            errors[nameof(DefaultSeconds)] = "The default length must be 4, 8, 12, 16 or 20 seconds.";
        if (MonthlyBudgetUsd < 0 || MonthlyBudgetUsd > MaxBudgetUsd || decimal.Round(MonthlyBudgetUsd, 2) != MonthlyBudgetUsd)
            errors[nameof(MonthlyBudgetUsd)] = $"The monthly budget must be between 0 and {MaxBudgetUsd:N0} USD, in cents.";
        if (ApprovalThresholdUsd is { } t && (t < 0 || t > MaxBudgetUsd || decimal.Round(t, 2) != t))
            errors[nameof(ApprovalThresholdUsd)] = $"The approval threshold must be between 0 and {MaxBudgetUsd:N0} USD, in cents, or empty.";
        if (ApprovalsRequired is < 1 or > 10)
            errors[nameof(ApprovalsRequired)] = "A take needs between 1 and 10 approvals.";
        return errors;
    }
}

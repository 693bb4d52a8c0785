using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VideoHub.Domain.Projects;

namespace VideoHub.Features.Projects;

/// <summary>Input rules for a project's name and brief, and helpers the service shares.</summary>
internal static class ProjectRules
{
    public static (string Name, string Brief, Dictionary<string, string> Errors) Check(ProjectInput input)
    {
        var errors = new Dictionary<string, string>();
        var name = (input.Name ?? "").Trim();
        var brief = (input.Brief ?? "").Trim();

        if (name.Length == 0)
            errors[nameof(ProjectInput.Name)] = "Give the project a name.";
        else if (name.Length > Project.NameMaxLength || Project.KeyFor(name).Length > Project.NameMaxLength)
            errors[nameof(ProjectInput.Name)] = $"A project name can have at most {Project.NameMaxLength} characters.";
        else if (name.Any(char.IsControl))
            errors[nameof(ProjectInput.Name)] = "A project name cannot contain tabs, line breaks or other control characters.";

        if (brief.Length > Project.BriefMaxLength)
            errors[nameof(ProjectInput.Brief)] = $"The brief can have at most {Project.BriefMaxLength} characters.";
        return (name, brief, errors);
    }

    public static string NameTaken(string name) =>
        $"There is already a project called “{name}” (names are compared ignoring case and spacing).";

    /// <summary>Compares by value: decimals read back from the database may carry another scale (100.0 vs 100).</summary>
    public static bool SameSettings(ProjectSettings a, ProjectSettings b) =>
        (a.DefaultModel, a.DefaultSize, a.DefaultSeconds, a.MonthlyBudgetUsd, a.ApprovalThresholdUsd, a.ApprovalsRequired) ==
        (b.DefaultModel, b.DefaultSize, b.DefaultSeconds, b.MonthlyBudgetUsd, b.ApprovalThresholdUsd, b.ApprovalsRequired);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>A unique index refused the row: SQLite's constraint code, or the SQL-standard state PostgreSQL uses.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => true, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        DbException { SqlState: "23505" } => true,
        _ => false,
    };
}

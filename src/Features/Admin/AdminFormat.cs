using System.Globalization;

namespace VideoHub.Features.Admin;

/// <summary>How admin pages write times and sizes. Times are stored in UTC and shown in UTC, said so on the page.</summary>
public static class AdminFormat
{
    public static string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string WhenPrecise(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Bytes(long bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
        return unit == 0 ? $"{bytes} bytes" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays} d {span.Hours} h",
        { TotalHours: >= 1 } => $"{span.Hours} h {span.Minutes} min",
        { TotalMinutes: >= 1 } => $"{span.Minutes} min {span.Seconds} s",
        _ => $"{Math.Max(0, span.Seconds)} s",
    };

    public static string Initials(string name)
    {
        var parts = name.Split([' ', '.', '@', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => "?",
            1 => parts[0][..1].ToUpperInvariant(),
            _ => (parts[0][..1] + parts[1][..1]).ToUpperInvariant(),
        };
    }
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace VideoHub.Data;

/// <summary>Every stored time is UTC; this marks values read back as UTC so comparisons and display are right.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoHub.Data;

namespace VideoHub.Hosting;

public static class DatabaseSetup
{
    public static void AddVideoHubDatabase(this WebApplicationBuilder builder)
    {
        var data = builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();
        data.FullPath = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, data.Path));
        Directory.CreateDirectory(data.FullPath);
        builder.Services.AddSingleton(Options.Create(data));

        var connectionString = builder.Configuration.GetConnectionString("VideoHub")
            ?? $"Data Source={data.DatabaseFile};Cache=Private;Pooling=True";
        builder.Services.AddDbContextFactory<VideoHubDbContext>(o => o
            .UseSqlite(connectionString, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(new SqlitePragmas()));
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddHostedService<DatabaseMigrator>();

        builder.Services.AddDataProtection()
            .SetApplicationName("VideoHub")
            .PersistKeysToFileSystem(new DirectoryInfo(data.KeysPath));
    }
}

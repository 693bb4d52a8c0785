using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Providers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BaseUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApiKeyProtected = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WebhookSecretProtected = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MaxConcurrentRenders = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestsPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderWebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WebhookId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderWebhookDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderModels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Operations = table.Column<int>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<string>(type: "TEXT", nullable: false),
                    MaxExtensions = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxChainSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxCharacters = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPromptLength = table.Column<int>(type: "INTEGER", nullable: false),
                    Sizes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderModels_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderModels_ProviderId_Model",
                table: "ProviderModels",
                columns: new[] { "ProviderId", "Model" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderWebhookDeliveries_ProcessedAt_ProviderId_ObjectId",
                table: "ProviderWebhookDeliveries",
                columns: new[] { "ProcessedAt", "ProviderId", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderWebhookDeliveries_ProviderId_WebhookId",
                table: "ProviderWebhookDeliveries",
                columns: new[] { "ProviderId", "WebhookId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProviderModels");

            migrationBuilder.DropTable(
                name: "ProviderWebhookDeliveries");

            migrationBuilder.DropTable(
                name: "Providers");
        }
    }
}

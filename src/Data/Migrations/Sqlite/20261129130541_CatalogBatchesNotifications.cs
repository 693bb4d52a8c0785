using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogBatchesNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "StackId",
                table: "Videos",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Takes made before stacks existed are each the root of their own stack.
            migrationBuilder.Sql("UPDATE Videos SET StackId = Id;");

            migrationBuilder.AddColumn<string>(
                name: "BatchCustomId",
                table: "RenderRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EstimatedCostUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProviderInputFileId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProviderBatchId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProviderStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NextPollAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Batches_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CatalogItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CurrentVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CurrentVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UsageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CatalogItemVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatalogItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ClipKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PosterKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogItemVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogItemVersions_CatalogItems_CatalogItemId",
                        column: x => x.CatalogItemId,
                        principalTable: "CatalogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CatalogRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatalogItemVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProviderCharacterId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogRegistrations_CatalogItemVersions_CatalogItemVersionId",
                        column: x => x.CatalogItemVersionId,
                        principalTable: "CatalogItemVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CatalogRegistrations_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RenderRequestCatalogItems",
                columns: table => new
                {
                    RenderRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatalogItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CatalogItemVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ProviderCharacterId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenderRequestCatalogItems", x => new { x.RenderRequestId, x.CatalogItemId });
                    table.ForeignKey(
                        name: "FK_RenderRequestCatalogItems_CatalogItemVersions_CatalogItemVersionId",
                        column: x => x.CatalogItemVersionId,
                        principalTable: "CatalogItemVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenderRequestCatalogItems_CatalogItems_CatalogItemId",
                        column: x => x.CatalogItemId,
                        principalTable: "CatalogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenderRequestCatalogItems_RenderRequests_RenderRequestId",
                        column: x => x.RenderRequestId,
                        principalTable: "RenderRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Videos_ParentVideoId",
                table: "Videos",
                column: "ParentVideoId");

            migrationBuilder.CreateIndex(
                name: "IX_Videos_StackId",
                table: "Videos",
                column: "StackId");

            migrationBuilder.CreateIndex(
                name: "IX_RenderRequests_BatchId_BatchCustomId",
                table: "RenderRequests",
                columns: new[] { "BatchId", "BatchCustomId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenderRequests_ParentVideoId",
                table: "RenderRequests",
                column: "ParentVideoId");

            migrationBuilder.CreateIndex(
                name: "IX_Batches_ProjectId_CreatedAt",
                table: "Batches",
                columns: new[] { "ProjectId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Batches_Status_NextPollAt",
                table: "Batches",
                columns: new[] { "Status", "NextPollAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogItems_NormalizedName",
                table: "CatalogItems",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogItemVersions_CatalogItemId_Number",
                table: "CatalogItemVersions",
                columns: new[] { "CatalogItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRegistrations_CatalogItemVersionId_ProviderId",
                table: "CatalogRegistrations",
                columns: new[] { "CatalogItemVersionId", "ProviderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRegistrations_ProviderId",
                table: "CatalogRegistrations",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRegistrations_Status_NextAttemptAt",
                table: "CatalogRegistrations",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_Id",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRequestCatalogItems_CatalogItemId",
                table: "RenderRequestCatalogItems",
                column: "CatalogItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RenderRequestCatalogItems_CatalogItemVersionId",
                table: "RenderRequestCatalogItems",
                column: "CatalogItemVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_RenderRequests_Batches_BatchId",
                table: "RenderRequests",
                column: "BatchId",
                principalTable: "Batches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RenderRequests_Batches_BatchId",
                table: "RenderRequests");

            migrationBuilder.DropTable(
                name: "Batches");

            migrationBuilder.DropTable(
                name: "CatalogRegistrations");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "RenderRequestCatalogItems");

            migrationBuilder.DropTable(
                name: "CatalogItemVersions");

            migrationBuilder.DropTable(
                name: "CatalogItems");

            migrationBuilder.DropIndex(
                name: "IX_Videos_ParentVideoId",
                table: "Videos");

            migrationBuilder.DropIndex(
                name: "IX_Videos_StackId",
                table: "Videos");

            migrationBuilder.DropIndex(
                name: "IX_RenderRequests_BatchId_BatchCustomId",
                table: "RenderRequests");

            migrationBuilder.DropIndex(
                name: "IX_RenderRequests_ParentVideoId",
                table: "RenderRequests");

            migrationBuilder.DropColumn(
                name: "StackId",
                table: "Videos");

            migrationBuilder.DropColumn(
                name: "BatchCustomId",
                table: "RenderRequests");
        }
    }
}

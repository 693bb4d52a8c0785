using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LineageSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsRetake",
                table: "RenderRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "StitchExtension",
                table: "RenderRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "SequenceParts",
                columns: table => new
                {
                    SequenceVideoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceVideoId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SequenceParts", x => new { x.SequenceVideoId, x.Position });
                    table.ForeignKey(
                        name: "FK_SequenceParts_Videos_SequenceVideoId",
                        column: x => x.SequenceVideoId,
                        principalTable: "Videos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SequenceParts_Videos_SourceVideoId",
                        column: x => x.SourceVideoId,
                        principalTable: "Videos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Storyboards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SequenceVideoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Storyboards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Storyboards_Batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Storyboards_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Storyboards_Videos_SequenceVideoId",
                        column: x => x.SequenceVideoId,
                        principalTable: "Videos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StoryboardShots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoryboardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogItemIds = table.Column<string>(type: "TEXT", nullable: false),
                    ImageReferenceKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ContinueFromPrevious = table.Column<bool>(type: "INTEGER", nullable: false),
                    RenderRequestId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryboardShots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoryboardShots_RenderRequests_RenderRequestId",
                        column: x => x.RenderRequestId,
                        principalTable: "RenderRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StoryboardShots_Storyboards_StoryboardId",
                        column: x => x.StoryboardId,
                        principalTable: "Storyboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SequenceParts_SourceVideoId",
                table: "SequenceParts",
                column: "SourceVideoId");

            migrationBuilder.CreateIndex(
                name: "IX_Storyboards_BatchId",
                table: "Storyboards",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Storyboards_ProjectId_CreatedAt",
                table: "Storyboards",
                columns: new[] { "ProjectId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Storyboards_SequenceVideoId",
                table: "Storyboards",
                column: "SequenceVideoId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryboardShots_RenderRequestId",
                table: "StoryboardShots",
                column: "RenderRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryboardShots_StoryboardId_Position",
                table: "StoryboardShots",
                columns: new[] { "StoryboardId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SequenceParts");

            migrationBuilder.DropTable(
                name: "StoryboardShots");

            migrationBuilder.DropTable(
                name: "Storyboards");

            migrationBuilder.DropColumn(
                name: "IsRetake",
                table: "RenderRequests");

            migrationBuilder.DropColumn(
                name: "StitchExtension",
                table: "RenderRequests");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rendering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RenderRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ImageReferenceKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ParentVideoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PreCheckJson = table.Column<string>(type: "TEXT", nullable: false),
                    AcknowledgementReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EstimatedCostUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ActualCostUsd = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ProviderMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProviderJobId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClientToken = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Polls = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PollDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VideoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenderRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenderRequests_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RenderEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RenderRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenderEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenderEvents_RenderRequests_RenderRequestId",
                        column: x => x.RenderRequestId,
                        principalTable: "RenderRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Videos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenderRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentVideoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProviderJobId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false),
                    VideoKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ThumbnailKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SpritesheetKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoCodec = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AudioCodec = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReviewState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsPicked = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsFavourite = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Videos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Videos_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Videos_RenderRequests_RenderRequestId",
                        column: x => x.RenderRequestId,
                        principalTable: "RenderRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RenderEvents_RenderRequestId_Id",
                table: "RenderEvents",
                columns: new[] { "RenderRequestId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRequests_ProjectId_CreatedAt_Id",
                table: "RenderRequests",
                columns: new[] { "ProjectId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRequests_ProviderId_ProviderJobId",
                table: "RenderRequests",
                columns: new[] { "ProviderId", "ProviderJobId" });

            migrationBuilder.CreateIndex(
                name: "IX_RenderRequests_State_NextAttemptAt",
                table: "RenderRequests",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Videos_ProjectId_CreatedAt",
                table: "Videos",
                columns: new[] { "ProjectId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Videos_RenderRequestId",
                table: "Videos",
                column: "RenderRequestId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RenderEvents");

            migrationBuilder.DropTable(
                name: "Videos");

            migrationBuilder.DropTable(
                name: "RenderRequests");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BatchesSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcknowledgementReason",
                table: "Batches",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNote",
                table: "Batches",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProviderAttempts",
                table: "Batches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ProviderCompleted",
                table: "Batches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ProviderError",
                table: "Batches",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProviderFailed",
                table: "Batches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProviderMappedAt",
                table: "Batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderOutputFileId",
                table: "Batches",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Batches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BatchRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomId = table.Column<string>(type: "TEXT", maxLength: 56, nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RenderRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BatchRows_Batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BatchRows_RenderRequests_RenderRequestId",
                        column: x => x.RenderRequestId,
                        principalTable: "RenderRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BatchRows_BatchId_CustomId",
                table: "BatchRows",
                columns: new[] { "BatchId", "CustomId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BatchRows_BatchId_LineNumber",
                table: "BatchRows",
                columns: new[] { "BatchId", "LineNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_BatchRows_RenderRequestId",
                table: "BatchRows",
                column: "RenderRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BatchRows");

            migrationBuilder.DropColumn(
                name: "AcknowledgementReason",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "DecisionNote",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ProviderAttempts",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ProviderCompleted",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ProviderError",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ProviderFailed",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ProviderMappedAt",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "ProviderOutputFileId",
                table: "Batches");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Batches");
        }
    }
}

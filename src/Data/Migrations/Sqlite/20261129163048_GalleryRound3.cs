using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GalleryRound3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Videos_ProjectId_CreatedAt",
                table: "Videos");

            migrationBuilder.CreateIndex(
                name: "IX_Videos_ProjectId_CreatedAt_Id",
                table: "Videos",
                columns: new[] { "ProjectId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Videos_ProjectId_DurationSeconds_Id",
                table: "Videos",
                columns: new[] { "ProjectId", "DurationSeconds", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Videos_ProjectId_CreatedAt_Id",
                table: "Videos");

            migrationBuilder.DropIndex(
                name: "IX_Videos_ProjectId_DurationSeconds_Id",
                table: "Videos");

            migrationBuilder.CreateIndex(
                name: "IX_Videos_ProjectId_CreatedAt",
                table: "Videos",
                columns: new[] { "ProjectId", "CreatedAt" });
        }
    }
}

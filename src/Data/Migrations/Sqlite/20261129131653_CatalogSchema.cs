using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AvailableToAllProjects",
                table: "CatalogItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LicenceNote",
                table: "CatalogItems",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "RightsExpireAt",
                table: "CatalogItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RightsHolder",
                table: "CatalogItems",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "CatalogItems",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CatalogItemProjects",
                columns: table => new
                {
                    CatalogItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogItemProjects", x => new { x.CatalogItemId, x.ProjectId });
                    table.ForeignKey(
                        name: "FK_CatalogItemProjects_CatalogItems_CatalogItemId",
                        column: x => x.CatalogItemId,
                        principalTable: "CatalogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CatalogItemProjects_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CatalogRightsChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CatalogItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogRightsChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogRightsChanges_CatalogItems_CatalogItemId",
                        column: x => x.CatalogItemId,
                        principalTable: "CatalogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogItems_IsRetired_Name",
                table: "CatalogItems",
                columns: new[] { "IsRetired", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogItemProjects_ProjectId",
                table: "CatalogItemProjects",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogRightsChanges_CatalogItemId_At",
                table: "CatalogRightsChanges",
                columns: new[] { "CatalogItemId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogItemProjects");

            migrationBuilder.DropTable(
                name: "CatalogRightsChanges");

            migrationBuilder.DropIndex(
                name: "IX_CatalogItems_IsRetired_Name",
                table: "CatalogItems");

            migrationBuilder.DropColumn(
                name: "AvailableToAllProjects",
                table: "CatalogItems");

            migrationBuilder.DropColumn(
                name: "LicenceNote",
                table: "CatalogItems");

            migrationBuilder.DropColumn(
                name: "RightsExpireAt",
                table: "CatalogItems");

            migrationBuilder.DropColumn(
                name: "RightsHolder",
                table: "CatalogItems");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "CatalogItems");
        }
    }
}

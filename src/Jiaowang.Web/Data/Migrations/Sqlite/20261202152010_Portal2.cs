using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiaowang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Portal2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceGuides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlaceKeys = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Sources = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGuides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceGuideTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuideId = table.Column<int>(type: "INTEGER", nullable: false),
                    Lang = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Bring = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Where = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HowLong = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGuideTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceGuideTexts_ServiceGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "ServiceGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceGuideVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuideId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGuideVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceGuideVersions_ServiceGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "ServiceGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGuides_Slug",
                table: "ServiceGuides",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGuideTexts_GuideId_Lang",
                table: "ServiceGuideTexts",
                columns: new[] { "GuideId", "Lang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGuideVersions_GuideId_Number",
                table: "ServiceGuideVersions",
                columns: new[] { "GuideId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceGuideTexts");

            migrationBuilder.DropTable(
                name: "ServiceGuideVersions");

            migrationBuilder.DropTable(
                name: "ServiceGuides");
        }
    }
}

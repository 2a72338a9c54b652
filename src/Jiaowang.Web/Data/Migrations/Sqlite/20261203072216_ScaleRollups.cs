using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiaowang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TargetRollups",
                columns: table => new
                {
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestReadingId = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestValue = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    LatestAsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LatestOrigin = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetRollups", x => x.TargetId);
                    table.ForeignKey(
                        name: "FK_TargetRollups_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The triggers that keep the roll-ups, and the roll-ups of the readings already stored (Features/Targets/TargetRollupSql.cs).
            migrationBuilder.Sql(Jiaowang.Web.Features.Targets.TargetRollupSql.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Jiaowang.Web.Features.Targets.TargetRollupSql.SqliteDown);
            migrationBuilder.DropTable(
                name: "TargetRollups");
        }
    }
}

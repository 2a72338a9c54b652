using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiaowang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Targets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BaseYear",
                table: "Targets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Baseline",
                table: "Targets",
                type: "numeric(20,4)",
                precision: 20,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Targets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeProfile",
                table: "Targets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Lifecycle",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BaseYear",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "Baseline",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "TimeProfile",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "Lifecycle",
                table: "Plans");
        }
    }
}

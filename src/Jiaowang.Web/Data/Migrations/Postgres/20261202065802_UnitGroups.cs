using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiaowang.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnitGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Units",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ChosenMembers",
                columns: table => new
                {
                    PlanTaskId = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChosenMembers", x => new { x.PlanTaskId, x.GroupId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_ChosenMembers_Tasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChosenMembers_Units_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChosenMembers_Units_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitMemberships",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitMemberships", x => new { x.GroupId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_UnitMemberships_Units_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitMemberships_Units_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChosenMembers_GroupId",
                table: "ChosenMembers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ChosenMembers_MemberId",
                table: "ChosenMembers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitMemberships_MemberId",
                table: "UnitMemberships",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChosenMembers");

            migrationBuilder.DropTable(
                name: "UnitMemberships");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Units");
        }
    }
}

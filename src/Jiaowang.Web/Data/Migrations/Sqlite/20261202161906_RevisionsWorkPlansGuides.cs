using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiaowang.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevisionsWorkPlansGuides : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "TaskGroups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Targets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "TargetGroups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Phases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    SourceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanRevisions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "WorkPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    FileType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlans_Tasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkPlans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "WorkPlanMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlanMeasures_WorkPlans_WorkPlanId",
                        column: x => x.WorkPlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    WorkPlanMeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureProgress_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureProgress_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureProgress_WorkPlanMeasures_WorkPlanMeasureId",
                        column: x => x.WorkPlanMeasureId,
                        principalTable: "WorkPlanMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureProgress_MeasureId",
                table: "MeasureProgress",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureProgress_ReportId",
                table: "MeasureProgress",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureProgress_WorkPlanMeasureId",
                table: "MeasureProgress",
                column: "WorkPlanMeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevisions_PlanId_AppliedAt",
                table: "PlanRevisions",
                columns: new[] { "PlanId", "AppliedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanMeasures_WorkPlanId_Position",
                table: "WorkPlanMeasures",
                columns: new[] { "WorkPlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_PlanTaskId_UnitId",
                table: "WorkPlans",
                columns: new[] { "PlanTaskId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_UnitId",
                table: "WorkPlans",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureProgress");

            migrationBuilder.DropTable(
                name: "PlanRevisions");

            migrationBuilder.DropTable(
                name: "ServiceGuideTexts");

            migrationBuilder.DropTable(
                name: "ServiceGuideVersions");

            migrationBuilder.DropTable(
                name: "WorkPlanMeasures");

            migrationBuilder.DropTable(
                name: "ServiceGuides");

            migrationBuilder.DropTable(
                name: "WorkPlans");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "TaskGroups");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "TargetGroups");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Phases");
        }
    }
}

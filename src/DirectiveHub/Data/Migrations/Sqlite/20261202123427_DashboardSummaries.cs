using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectiveFigures",
                columns: table => new
                {
                    DirectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveFigures", x => new { x.DirectiveId, x.OrganizationId, x.Measure, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "FigureRefreshes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureRefreshes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskFigures",
                columns: table => new
                {
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Grain = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskFigures", x => new { x.IssuerId, x.OrganizationId, x.DocumentType, x.Measure, x.Grain, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FigureRefreshes_DirectiveId",
                table: "FigureRefreshes",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskFigures_OrganizationId_Measure_Grain_Day",
                table: "TaskFigures",
                columns: new[] { "OrganizationId", "Measure", "Grain", "Day" });

            // Existing directives are queued, so the first dashboard (or the worker) counts them; a large database
            // is better counted at once with `directivehub rebuild-summaries`.
            migrationBuilder.Sql(@"INSERT INTO ""FigureRefreshes"" (""Id"", ""DirectiveId"") SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))), ""Id"" FROM ""Directives"" WHERE ""Status"" <> 'Draft';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectiveFigures");

            migrationBuilder.DropTable(
                name: "FigureRefreshes");

            migrationBuilder.DropTable(
                name: "TaskFigures");
        }
    }
}

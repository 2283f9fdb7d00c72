using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverdueSweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_Deadline_OverdueFlaggedAt",
                table: "TaskAssignments");

            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                table: "Notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SweepRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Instance = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Flagged = table.Column<int>(type: "integer", nullable: false),
                    Notified = table.Column<int>(type: "integer", nullable: false),
                    Reminders = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<bool>(type: "boolean", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SweepRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_Deadline_Open",
                table: "TaskAssignments",
                column: "Deadline",
                filter: "\"OverdueFlaggedAt\" IS NULL AND \"Status\" NOT IN ('Done', 'DoneLate')");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DedupKey",
                table: "Notifications",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SweepRuns_StartedAt",
                table: "SweepRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SweepRuns");

            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_Deadline_Open",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_DedupKey",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_Deadline_OverdueFlaggedAt",
                table: "TaskAssignments",
                columns: new[] { "Deadline", "OverdueFlaggedAt" });
        }
    }
}

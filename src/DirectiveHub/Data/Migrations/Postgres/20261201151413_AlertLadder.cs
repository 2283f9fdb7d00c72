using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertLadder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AlertedDeadline",
                table: "TaskAssignments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AlertedLevel",
                table: "TaskAssignments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Hand-written: assignments the earlier sweep already flagged had their overdue notices sent; the ladder
            // records that as red for their deadline so that upgrading does not send red a second time.
            migrationBuilder.Sql("UPDATE \"TaskAssignments\" SET \"AlertedDeadline\" = \"Deadline\", \"AlertedLevel\" = 'Red' WHERE \"OverdueFlaggedAt\" IS NOT NULL AND \"Deadline\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AlertedDeadline",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "AlertedLevel",
                table: "TaskAssignments");
        }
    }
}

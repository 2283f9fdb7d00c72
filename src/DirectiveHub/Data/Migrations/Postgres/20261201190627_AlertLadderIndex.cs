using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertLadderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_Deadline_Alerting",
                table: "TaskAssignments",
                column: "Deadline",
                filter: "\"Deadline\" IS NOT NULL AND \"Status\" NOT IN ('Done', 'DoneLate', 'Cancelled', 'AwaitingConfirmation') AND (\"AlertedLevel\" IS NULL OR \"AlertedLevel\" <> 'SpecialRed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_Deadline_Alerting",
                table: "TaskAssignments");
        }
    }
}

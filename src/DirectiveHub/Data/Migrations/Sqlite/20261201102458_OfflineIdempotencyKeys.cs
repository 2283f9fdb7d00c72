using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfflineIdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "IdempotencyKey",
                table: "ProgressReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AcknowledgmentKey",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_IdempotencyKey",
                table: "ProgressReports",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_AcknowledgmentKey",
                table: "Assignments",
                column: "AcknowledgmentKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_IdempotencyKey",
                table: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_AcknowledgmentKey",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "AcknowledgmentKey",
                table: "Assignments");
        }
    }
}

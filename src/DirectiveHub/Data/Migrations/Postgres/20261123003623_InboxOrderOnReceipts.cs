using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxOrderOnReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_OrganizationId_AcknowledgedAt",
                table: "Assignments");

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "Assignments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Urgency",
                table: "Assignments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Receipts of directives published before this migration take their directive's date and urgency.
            // The semicolon matters to the idempotent script, which wraps each statement in a DO block (#18).
            migrationBuilder.Sql("""
                UPDATE "Assignments" a SET "IssuedOn" = d."IssuedOn", "Urgency" = d."Urgency"
                FROM "Directives" d WHERE d."Id" = a."DirectiveId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OrganizationId_AcknowledgedAt",
                table: "Assignments",
                columns: new[] { "OrganizationId", "AcknowledgedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "DirectiveId", "IssuedOn", "Urgency" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assignments_OrganizationId_AcknowledgedAt",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OrganizationId_AcknowledgedAt",
                table: "Assignments",
                columns: new[] { "OrganizationId", "AcknowledgedAt" });
        }
    }
}

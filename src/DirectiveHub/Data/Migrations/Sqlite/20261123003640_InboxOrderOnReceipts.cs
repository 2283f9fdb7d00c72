using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxOrderOnReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Urgency",
                table: "Assignments",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Receipts of directives published before this migration take their directive's date and urgency.
            migrationBuilder.Sql("""
                UPDATE "Assignments" SET
                    "IssuedOn" = (SELECT d."IssuedOn" FROM "Directives" d WHERE d."Id" = "Assignments"."DirectiveId"),
                    "Urgency" = (SELECT d."Urgency" FROM "Directives" d WHERE d."Id" = "Assignments"."DirectiveId")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "Assignments");
        }
    }
}

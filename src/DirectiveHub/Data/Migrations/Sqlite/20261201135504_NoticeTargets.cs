using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LinkDirectiveId",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkTarget",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Target",
                table: "Notifications",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "ReceivedDirective");

            // Stored links become targets: the web app now writes the address from the target.
            migrationBuilder.Sql("""
                UPDATE "Notifications" SET "Target" = CASE
                    WHEN "Link" LIKE '/Tracking/%' THEN 'TrackedDirective'
                    WHEN "Link" LIKE '/Inbox?%' THEN 'OverdueList'
                    ELSE 'ReceivedDirective' END;
                """);

            migrationBuilder.DropColumn(
                name: "Link",
                table: "Notifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinkDirectiveId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LinkTarget",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Target",
                table: "Notifications");

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "Notifications",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
        }
    }
}

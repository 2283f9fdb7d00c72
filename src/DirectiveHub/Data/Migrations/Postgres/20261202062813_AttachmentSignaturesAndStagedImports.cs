using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttachmentSignaturesAndStagedImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SignatureCheckedAt",
                table: "Attachment",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureSummary",
                table: "Attachment",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SignatureVerdict",
                table: "Attachment",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedBy",
                table: "Attachment",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StagedImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StagedImports_CreatedAt",
                table: "StagedImports",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StagedImports_UserId_CreatedAt",
                table: "StagedImports",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StagedImports");

            migrationBuilder.DropColumn(
                name: "SignatureCheckedAt",
                table: "Attachment");

            migrationBuilder.DropColumn(
                name: "SignatureSummary",
                table: "Attachment");

            migrationBuilder.DropColumn(
                name: "SignatureVerdict",
                table: "Attachment");

            migrationBuilder.DropColumn(
                name: "SignedBy",
                table: "Attachment");
        }
    }
}

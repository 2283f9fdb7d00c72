using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureSummary",
                table: "Attachment",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SignatureVerdict",
                table: "Attachment",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedBy",
                table: "Attachment",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StagedImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

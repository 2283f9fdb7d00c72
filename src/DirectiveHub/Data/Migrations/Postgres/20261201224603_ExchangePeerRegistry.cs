using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExchangePeerRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExchangePeers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    KeySha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    KeyHint = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    OutboundKeyProtected = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Units = table.Column<string>(type: "character varying(13000)", maxLength: 13000, nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangePeers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangePeers_Code",
                table: "ExchangePeers",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangePeers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArrivalNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ArrivalNumber",
                table: "Assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ArrivalYear",
                table: "Assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArrivedAt",
                table: "Assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArrivalRegisters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrivalRegisters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrivalRegisters_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OrganizationId_ArrivalYear_ArrivalNumber",
                table: "Assignments",
                columns: new[] { "OrganizationId", "ArrivalYear", "ArrivalNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrivalRegisters_OrganizationId_Year",
                table: "ArrivalRegisters",
                columns: new[] { "OrganizationId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArrivalRegisters");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_OrganizationId_ArrivalYear_ArrivalNumber",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ArrivalNumber",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ArrivalYear",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ArrivedAt",
                table: "Assignments");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskSlipInstruction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "InstructedAt",
                table: "Assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InstructedById",
                table: "Assignments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Instruction",
                table: "Assignments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_InstructedById",
                table: "Assignments",
                column: "InstructedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_AspNetUsers_InstructedById",
                table: "Assignments",
                column: "InstructedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_AspNetUsers_InstructedById",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_InstructedById",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "InstructedAt",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "InstructedById",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "Instruction",
                table: "Assignments");
        }
    }
}

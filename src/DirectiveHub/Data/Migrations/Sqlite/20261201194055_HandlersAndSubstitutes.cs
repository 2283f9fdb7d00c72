using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HandlersAndSubstitutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FollowerUserId",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandlerAssignedAt",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandlerUserId",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OnBehalfOfUserId",
                table: "ProgressReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOfName",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OnBehalfOfUserId",
                table: "AuditEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HandlerChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskAssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandlerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnBehalfOfUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandlerChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandlerChanges_AspNetUsers_AssignedById",
                        column: x => x.AssignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HandlerChanges_AspNetUsers_FollowerUserId",
                        column: x => x.FollowerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HandlerChanges_AspNetUsers_HandlerUserId",
                        column: x => x.HandlerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HandlerChanges_AspNetUsers_OnBehalfOfUserId",
                        column: x => x.OnBehalfOfUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HandlerChanges_TaskAssignments_TaskAssignmentId",
                        column: x => x.TaskAssignmentId,
                        principalTable: "TaskAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Substitutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AbsentUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubstituteUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Substitutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Substitutions_AspNetUsers_AbsentUserId",
                        column: x => x.AbsentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Substitutions_AspNetUsers_SubstituteUserId",
                        column: x => x.SubstituteUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Substitutions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_FollowerUserId",
                table: "TaskAssignments",
                column: "FollowerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_HandlerUserId",
                table: "TaskAssignments",
                column: "HandlerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_OnBehalfOfUserId",
                table: "ProgressReports",
                column: "OnBehalfOfUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId",
                table: "Notifications",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_HandlerChanges_AssignedById",
                table: "HandlerChanges",
                column: "AssignedById");

            migrationBuilder.CreateIndex(
                name: "IX_HandlerChanges_FollowerUserId",
                table: "HandlerChanges",
                column: "FollowerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_HandlerChanges_HandlerUserId",
                table: "HandlerChanges",
                column: "HandlerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_HandlerChanges_OnBehalfOfUserId",
                table: "HandlerChanges",
                column: "OnBehalfOfUserId");

            migrationBuilder.CreateIndex(
                name: "IX_HandlerChanges_TaskAssignmentId_AssignedAt",
                table: "HandlerChanges",
                columns: new[] { "TaskAssignmentId", "AssignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Substitutions_AbsentUserId_To",
                table: "Substitutions",
                columns: new[] { "AbsentUserId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Substitutions_OrganizationId",
                table: "Substitutions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Substitutions_SubstituteUserId_To",
                table: "Substitutions",
                columns: new[] { "SubstituteUserId", "To" });

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_AspNetUsers_UserId",
                table: "Notifications",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ProgressReports_AspNetUsers_OnBehalfOfUserId",
                table: "ProgressReports",
                column: "OnBehalfOfUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_FollowerUserId",
                table: "TaskAssignments",
                column: "FollowerUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_HandlerUserId",
                table: "TaskAssignments",
                column: "HandlerUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_AspNetUsers_UserId",
                table: "Notifications");

            migrationBuilder.DropForeignKey(
                name: "FK_ProgressReports_AspNetUsers_OnBehalfOfUserId",
                table: "ProgressReports");

            migrationBuilder.DropForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_FollowerUserId",
                table: "TaskAssignments");

            migrationBuilder.DropForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_HandlerUserId",
                table: "TaskAssignments");

            migrationBuilder.DropTable(
                name: "HandlerChanges");

            migrationBuilder.DropTable(
                name: "Substitutions");

            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_FollowerUserId",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_HandlerUserId",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_OnBehalfOfUserId",
                table: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "FollowerUserId",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "HandlerAssignedAt",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "HandlerUserId",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfUserId",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfName",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfUserId",
                table: "AuditEvents");
        }
    }
}

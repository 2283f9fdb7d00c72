using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedAt",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AcceptedById",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "TaskAssignments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CancelledById",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionCount",
                table: "TaskAssignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "HasPendingExtension",
                table: "TaskAssignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDeadline",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Quality",
                table: "TaskAssignments",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReassignedToId",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReturnCount",
                table: "TaskAssignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubmittedAgainst",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "TaskAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Timing",
                table: "TaskAssignments",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UrgingCount",
                table: "TaskAssignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "TaskAssignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Quality",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResultIssuedOn",
                table: "ProgressReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultNumber",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "ProgressReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedById",
                table: "ProgressReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskAssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CurrentDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProposedDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_AspNetUsers_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_TaskAssignments_TaskAssignmentId",
                        column: x => x.TaskAssignmentId,
                        principalTable: "TaskAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Urgings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskAssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReportBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentByOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Urgings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Urgings_AspNetUsers_SentById",
                        column: x => x.SentById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Urgings_Organizations_SentByOrganizationId",
                        column: x => x.SentByOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Urgings_TaskAssignments_TaskAssignmentId",
                        column: x => x.TaskAssignmentId,
                        principalTable: "TaskAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_AcceptedById",
                table: "TaskAssignments",
                column: "AcceptedById");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_CancelledById",
                table: "TaskAssignments",
                column: "CancelledById");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_ReassignedToId",
                table: "TaskAssignments",
                column: "ReassignedToId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_ReviewedById",
                table: "ProgressReports",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_DecidedById",
                table: "ExtensionRequests",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_RequestedById",
                table: "ExtensionRequests",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_TaskAssignmentId_RequestedAt",
                table: "ExtensionRequests",
                columns: new[] { "TaskAssignmentId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Urgings_SentById",
                table: "Urgings",
                column: "SentById");

            migrationBuilder.CreateIndex(
                name: "IX_Urgings_SentByOrganizationId",
                table: "Urgings",
                column: "SentByOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Urgings_TaskAssignmentId_SentAt",
                table: "Urgings",
                columns: new[] { "TaskAssignmentId", "SentAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_ProgressReports_AspNetUsers_ReviewedById",
                table: "ProgressReports",
                column: "ReviewedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_AcceptedById",
                table: "TaskAssignments",
                column: "AcceptedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_CancelledById",
                table: "TaskAssignments",
                column: "CancelledById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TaskAssignments_TaskAssignments_ReassignedToId",
                table: "TaskAssignments",
                column: "ReassignedToId",
                principalTable: "TaskAssignments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProgressReports_AspNetUsers_ReviewedById",
                table: "ProgressReports");

            migrationBuilder.DropForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_AcceptedById",
                table: "TaskAssignments");

            migrationBuilder.DropForeignKey(
                name: "FK_TaskAssignments_AspNetUsers_CancelledById",
                table: "TaskAssignments");

            migrationBuilder.DropForeignKey(
                name: "FK_TaskAssignments_TaskAssignments_ReassignedToId",
                table: "TaskAssignments");

            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "Urgings");

            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_AcceptedById",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_CancelledById",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_ReassignedToId",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_ReviewedById",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "AcceptedById",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "CancelledById",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "ExtensionCount",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "HasPendingExtension",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "OriginalDeadline",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "Quality",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "ReassignedToId",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "ReturnCount",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "SubmittedAgainst",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "Timing",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "UrgingCount",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "Quality",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ResultIssuedOn",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ResultNumber",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "ProgressReports");
        }
    }
}

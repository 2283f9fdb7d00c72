using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_DirectiveId",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_DirectiveId_OrganizationId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_DirectiveId",
                table: "TaskAssignments",
                column: "DirectiveId")
                .Annotation("Npgsql:IndexInclude", new[] { "OrganizationId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Directives_IssuedOn",
                table: "Directives",
                column: "IssuedOn")
                .Annotation("Npgsql:IndexInclude", new[] { "IssuerId", "Status", "DocumentType" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DirectiveId_OrganizationId",
                table: "Assignments",
                columns: new[] { "DirectiveId", "OrganizationId" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "AcknowledgedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_DirectiveId",
                table: "TaskAssignments");

            migrationBuilder.DropIndex(
                name: "IX_Directives_IssuedOn",
                table: "Directives");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_DirectiveId_OrganizationId",
                table: "Assignments");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_DirectiveId",
                table: "TaskAssignments",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DirectiveId_OrganizationId",
                table: "Assignments",
                columns: new[] { "DirectiveId", "OrganizationId" },
                unique: true);
        }
    }
}

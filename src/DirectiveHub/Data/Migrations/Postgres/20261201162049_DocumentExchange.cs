using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DocumentExchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExchangeCode",
                table: "Organizations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReceivedPackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeerCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignatureSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceivedPackages_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReceivedStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Staff = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PeerCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceivedStatuses_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReceivedStatuses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedPackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StatusCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PeerCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutgoingStatuses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutgoingStatuses_ReceivedPackages_ReceivedPackageId",
                        column: x => x.ReceivedPackageId,
                        principalTable: "ReceivedPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ExchangeCode",
                table: "Organizations",
                column: "ExchangeCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingStatuses_Due",
                table: "OutgoingStatuses",
                column: "NextAttemptAt",
                filter: "\"SentAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingStatuses_OrganizationId",
                table: "OutgoingStatuses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingStatuses_ReceivedPackageId_OrganizationId_StatusCode",
                table: "OutgoingStatuses",
                columns: new[] { "ReceivedPackageId", "OrganizationId", "StatusCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedPackages_DirectiveId",
                table: "ReceivedPackages",
                column: "DirectiveId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedPackages_IssuerCode_Number_IssuedOn",
                table: "ReceivedPackages",
                columns: new[] { "IssuerCode", "Number", "IssuedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedStatuses_DirectiveId_OrganizationId_StatusCode",
                table: "ReceivedStatuses",
                columns: new[] { "DirectiveId", "OrganizationId", "StatusCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedStatuses_OrganizationId",
                table: "ReceivedStatuses",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutgoingStatuses");

            migrationBuilder.DropTable(
                name: "ReceivedStatuses");

            migrationBuilder.DropTable(
                name: "ReceivedPackages");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_ExchangeCode",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ExchangeCode",
                table: "Organizations");
        }
    }
}

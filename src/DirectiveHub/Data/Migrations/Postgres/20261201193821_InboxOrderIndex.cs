using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: EF cannot model an index on expressions. These are the inbox's ORDER BY, as EF writes it
            // (InboxQuery: not acknowledged first, then hỏa tốc, thượng khẩn, khẩn, then the newest), so that a
            // page reads its twenty receipts from the index and stops, instead of sorting all of a unit's receipts
            // (thousands after ten years). PostgreSQL matches the expressions; the statement must not change unless
            // InboxQuery's order does.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Assignments_InboxOrder" ON "Assignments" (
                    "OrganizationId",
                    (CASE WHEN "AcknowledgedAt" IS NULL THEN 0 ELSE 1 END),
                    (CASE WHEN "Urgency" = 'HoaToc' THEN 3 WHEN "Urgency" = 'ThuongKhan' THEN 2 WHEN "Urgency" = 'Khan' THEN 1 ELSE 0 END) DESC,
                    "IssuedOn" DESC,
                    "DirectiveId" DESC);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Assignments_InboxOrder";""");
        }
    }
}

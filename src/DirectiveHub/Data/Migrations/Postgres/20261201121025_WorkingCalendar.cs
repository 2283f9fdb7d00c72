using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DirectiveHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CountsWorkingDays",
                table: "TaskAssignments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "DaysAfterReceipt",
                table: "TaskAssignments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReceivedOn",
                table: "TaskAssignments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CountsWorkingDays",
                table: "DirectiveTasks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "DaysAfterReceipt",
                table: "DirectiveTasks",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Date", "Kind", "Name", "UpdatedAt" },
                values: new object[,]
                {
                    { new DateOnly(2021, 1, 1), "DayOff", "Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 2, 10), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 2, 11), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 2, 12), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 2, 13), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 2, 14), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 2, 15), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 2, 16), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 4, 21), "DayOff", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 4, 30), "DayOff", "Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 5, 1), "DayOff", "Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 5, 3), "DayOff", "Nghỉ bù Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 9, 2), "DayOff", "Quốc khánh (2/9)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2021, 9, 3), "DayOff", "Nghỉ Quốc khánh (ngày liền kề)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 1, 1), "DayOff", "Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 1, 3), "DayOff", "Nghỉ bù Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 1, 29), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 1, 30), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 1, 31), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 2, 1), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 2, 2), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 2, 3), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 2, 4), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 2, 5), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 2, 6), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 4, 10), "DayOff", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 4, 11), "DayOff", "Nghỉ bù Giỗ Tổ Hùng Vương", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 4, 30), "DayOff", "Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 5, 1), "DayOff", "Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 5, 2), "DayOff", "Nghỉ bù Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 5, 3), "DayOff", "Nghỉ bù Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 9, 1), "DayOff", "Nghỉ Quốc khánh (ngày liền kề)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2022, 9, 2), "DayOff", "Quốc khánh (2/9)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 1), "DayOff", "Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 2), "DayOff", "Nghỉ bù Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 20), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 21), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 22), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 23), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 24), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 25), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 1, 26), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 4, 29), "DayOff", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 4, 30), "DayOff", "Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 5, 1), "DayOff", "Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 5, 2), "DayOff", "Nghỉ bù Giỗ Tổ Hùng Vương", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 5, 3), "DayOff", "Nghỉ bù Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 9, 1), "DayOff", "Nghỉ Quốc khánh (ngày liền kề)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 9, 2), "DayOff", "Quốc khánh (2/9)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2023, 9, 4), "DayOff", "Nghỉ bù Quốc khánh", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 1, 1), "DayOff", "Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 2, 8), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 2, 9), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 2, 10), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 2, 11), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 2, 12), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 2, 13), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 2, 14), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 4, 18), "DayOff", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 4, 29), "DayOff", "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 4, 30), "DayOff", "Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 5, 1), "DayOff", "Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 5, 4), "WorkingDay", "Làm bù cho ngày 29/4/2024", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 9, 2), "DayOff", "Quốc khánh (2/9)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2024, 9, 3), "DayOff", "Nghỉ Quốc khánh (ngày liền kề)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 1), "DayOff", "Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 25), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 26), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 27), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 28), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 29), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 30), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 1, 31), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 2, 1), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 2, 2), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 4, 7), "DayOff", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 4, 26), "WorkingDay", "Làm bù cho ngày 02/5/2025", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 4, 30), "DayOff", "Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 5, 1), "DayOff", "Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 5, 2), "DayOff", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 9, 1), "DayOff", "Nghỉ Quốc khánh (ngày liền kề)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2025, 9, 2), "DayOff", "Quốc khánh (2/9)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 1, 1), "DayOff", "Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 14), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 15), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 16), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 17), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 18), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 19), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 20), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 21), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 2, 22), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 4, 26), "DayOff", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 4, 27), "DayOff", "Nghỉ bù Giỗ Tổ Hùng Vương", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 4, 30), "DayOff", "Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 5, 1), "DayOff", "Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 9, 1), "DayOff", "Nghỉ Quốc khánh (ngày liền kề)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2026, 9, 2), "DayOff", "Quốc khánh (2/9)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 1, 1), "DayOff", "Tết Dương lịch", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 2, 4), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 2, 5), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 2, 6), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 2, 7), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 2, 8), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 2, 9), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 2, 10), "DayOff", "Tết Nguyên đán", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 4, 16), "DayOff", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 4, 30), "DayOff", "Ngày Chiến thắng (30/4)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 5, 1), "DayOff", "Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 5, 3), "DayOff", "Nghỉ bù Ngày Quốc tế Lao động (1/5)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 9, 2), "DayOff", "Quốc khánh (2/9)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) },
                    { new DateOnly(2027, 9, 3), "DayOff", "Nghỉ Quốc khánh (ngày liền kề)", new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Utc) }
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAssignments_ReceiptPending",
                table: "TaskAssignments",
                column: "ReceivedOn",
                filter: "\"DaysAfterReceipt\" IS NOT NULL AND \"ReceivedOn\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropIndex(
                name: "IX_TaskAssignments_ReceiptPending",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "CountsWorkingDays",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "DaysAfterReceipt",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                table: "TaskAssignments");

            migrationBuilder.DropColumn(
                name: "CountsWorkingDays",
                table: "DirectiveTasks");

            migrationBuilder.DropColumn(
                name: "DaysAfterReceipt",
                table: "DirectiveTasks");
        }
    }
}

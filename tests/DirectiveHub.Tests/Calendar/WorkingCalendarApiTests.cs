using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Calendar;

public sealed class WorkingCalendarApiTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_year_lists_its_days_off_and_its_make_up_Saturdays()
    {
        app.Require();
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);

        var year = await officer.GetFromJsonAsync<JsonElement>("/api/working-calendar/2025", Cancel);
        Assert.Equal(2025, year.GetProperty("year").GetInt32());
        var daysOff = year.GetProperty("daysOff").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("name").GetString());
        Assert.Equal("Tết Dương lịch", daysOff["2025-01-01"]);
        Assert.Equal("Tết Nguyên đán", daysOff["2025-01-29"]);
        Assert.Equal("Giỗ Tổ Hùng Vương (10/3 âm lịch)", daysOff["2025-04-07"]);
        Assert.True(daysOff.ContainsKey("2025-05-02"));
        Assert.Equal("Quốc khánh (2/9)", daysOff["2025-09-02"]);
        var worked = Assert.Single(year.GetProperty("workingDays").EnumerateArray());
        Assert.Equal("2025-04-26", worked.GetProperty("date").GetString());

        var empty = await officer.GetFromJsonAsync<JsonElement>("/api/working-calendar/2030", Cancel);
        Assert.Equal(0, empty.GetProperty("daysOff").GetArrayLength());
        var outside = await officer.GetAsync(new Uri("/api/working-calendar/1800", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.True((await outside.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task Only_a_top_level_administrator_changes_the_calendar_and_every_change_is_audited()
    {
        app.Require();
        var body = new { kind = "DayOff", name = "Ngày Văn hóa Việt Nam" };
        var officer = await app.Factory.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync("/api/working-calendar/days/2026-11-24", body, Cancel)).StatusCode);
        await app.CreateUserAsync("admin.quocoai@demo.local", "HN-QO", Roles.Admin);
        var districtAdmin = await app.Factory.ApiClientAsync("admin.quocoai@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await districtAdmin.PutAsJsonAsync("/api/working-calendar/days/2026-11-24", body, Cancel)).StatusCode);

        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        var weekday = await admin.PutAsJsonAsync("/api/working-calendar/days/2026-11-25", new { kind = "WorkingDay", name = "Làm bù" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, weekday.StatusCode);
        Assert.Equal("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.", (await weekday.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("kind")[0].GetString());
        var badDate = await admin.PutAsJsonAsync("/api/working-calendar/days/24-11-2026", body, Cancel);
        Assert.True((await badDate.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("date", out _));
        var noName = await admin.PutAsJsonAsync("/api/working-calendar/days/2026-11-24", new { kind = "DayOff", name = new string('x', 129) }, Cancel);
        Assert.True((await noName.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("name", out _));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/working-calendar/days/2026-11-24", body, Cancel)).StatusCode);
        var year = await officer.GetFromJsonAsync<JsonElement>("/api/working-calendar/2026", Cancel);
        Assert.Contains(year.GetProperty("daysOff").EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-11-24" && d.GetProperty("name").GetString() == "Ngày Văn hóa Việt Nam");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("/api/working-calendar/days/2026-11-24", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri("/api/working-calendar/days/2026-11-24", UriKind.Relative), Cancel)).StatusCode);
        var audit = await app.QueryAsync(db => db.AuditEvents.Where(e => e.EntityType == "CalendarDay" && e.EntityId == "2026-11-24").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Equal(["CalendarDaySet", "CalendarDayRemoved"], audit);
    }

    [Fact]
    public async Task The_administration_page_shows_the_year_and_keeps_the_input_of_a_bad_entry()
    {
        app.Require();
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(DemoAccounts.Admin);

        var page = await browser.GetDocumentAsync("/Admin/Calendar?year=2024");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("04/05/2024", StringComparison.Ordinal) && r.Contains("Làm bù cho ngày 29/4/2024", StringComparison.Ordinal));

        var response = await browser.SubmitFormAsync("/Admin/Calendar?year=2024", new Dictionary<string, string>
        {
            ["Input.Date"] = "2024-05-08",
            ["Input.Kind"] = "WorkingDay",
            ["Input.Name"] = "Làm bù",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await PageClient.ParseAsync(response);
        Assert.Equal("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.", again.QuerySelector("#kind-error")!.TextContent);
        Assert.Equal("08/05/2024", again.QuerySelector("#Input_Date")!.GetAttribute("value"));
        Assert.Equal("Làm bù", again.QuerySelector("#Input_Name")!.GetAttribute("value"));

        var saved = await browser.SubmitFormAsync("/Admin/Calendar?year=2024", new Dictionary<string, string>
        {
            ["Input.Date"] = "2024-05-11",
            ["Input.Kind"] = "WorkingDay",
            ["Input.Name"] = "Làm bù thử",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await app.QueryAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2024, 5, 11) && d.Name == "Làm bù thử", Cancel)));

        var clerk = app.Factory.CreateBrowserLikeClient();
        await clerk.SignInOrFailAsync(DemoAccounts.Clerk);
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative), Cancel)).StatusCode);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Data;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Inbox;

/// <summary>The commune officer's phone: installable, readable with no connection, actions kept and sent once.</summary>
public sealed partial class OfflinePhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A 1×1 PNG: a photo "taken" with the phone's camera.
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private const string UserCaches = "async () => (await caches.keys()).filter(n => n.startsWith('dh-user-'))";

    [Fact]
    public async Task The_app_offers_a_manifest_with_icons_and_a_service_worker_for_the_whole_site()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);

        var manifest = await page.APIRequest.GetAsync("/manifest.webmanifest");
        Assert.Equal(200, manifest.Status);
        Assert.StartsWith("application/manifest+json", manifest.Headers["content-type"], StringComparison.Ordinal);
        var json = JsonDocument.Parse(await manifest.TextAsync()).RootElement;
        Assert.Contains("Văn bản", json.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("vi", json.GetProperty("lang").GetString());
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        var icons = json.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "maskable");
        foreach (var icon in icons)
        {
            var png = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal((200, "image/png"), (png.Status, png.Headers["content-type"]));
        }

        var worker = await page.APIRequest.GetAsync("/sw.js");
        Assert.Equal(200, worker.Status);
        Assert.Contains("javascript", worker.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("no-cache", worker.Headers["cache-control"]);
        Assert.Contains("script-src 'self'", worker.Headers["content-security-policy"], StringComparison.Ordinal);

        await page.SignInAsync(DemoAccounts.Officer);
        Assert.Equal("/manifest.webmanifest", await page.Locator("link[rel=manifest]").GetAttributeAsync("href"));
        var scope = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
        Assert.Equal(app.BaseUrl.TrimEnd('/') + "/", scope);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_officer_reads_offline_acknowledges_and_reports_offline_the_server_gets_each_once_and_sign_out_empties_the_phone()
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await page.SignInAsync(DemoAccounts.Officer);
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await page.GotoAsync("/Inbox");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToContainTextAsync("114-CV/HU");
        await page.AssertAccessibleAsync();
        var directiveUrl = page.Url;
        var directiveId = Guid.Parse(new Uri(directiveUrl).Segments[^1]);
        await WaitUntilKeptAsync(page, directiveUrl);
        await WaitUntilKeptAsync(page, app.BaseUrl.TrimEnd('/') + "/Inbox");

        // No signal at the commune office.
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#dh-offline-banner")).ToHaveTextAsync(SavedCopy());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToContainTextAsync("114-CV/HU");
        var task = page.Locator("article").Filter(new() { HasText = "Nhiệm vụ 1 · Chủ trì" });
        await Assertions.Expect(task).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/Inbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#dh-offline-banner")).ToHaveTextAsync(SavedCopy());
        await page.GotoAsync(directiveUrl);

        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã xác nhận trên máy, chờ gửi khi có mạng.")).ToBeVisibleAsync();
        await task.GetByLabel("Tình hình thực hiện").SelectOptionAsync("Done");
        await task.GetByLabel("Nội dung báo cáo").FillAsync("Đã tuyên truyền tại 12 thôn khi mất mạng.");
        await task.GetByLabel("Chụp ảnh minh chứng").SetInputFilesAsync(new FilePayload { Name = "anh-thon-1.png", MimeType = "image/png", Buffer = Photo });
        await task.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(task.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu báo cáo trên máy");
        var queue = page.Locator("#dh-queue");
        await Assertions.Expect(queue.Locator("li[data-dh-state=waiting]")).ToHaveCountAsync(2);
        await Assertions.Expect(queue).ToContainTextAsync("Đã tuyên truyền tại 12 thôn khi mất mạng.");
        // The pointer leaves the button it pressed: axe judges the page at rest, not a hover colour in transition.
        await page.Mouse.MoveAsync(0, 0);
        await page.AssertAccessibleAsync();
        Assert.Equal((0, 0), await ServerCountsAsync(directiveId));

        // The connection comes back: both are sent, in order.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(queue.Locator("li[data-dh-state=sent]")).ToHaveCountAsync(2);
        await Assertions.Expect(queue).ToContainTextAsync("Đã gửi báo cáo tiến độ.");
        Assert.Equal((1, 1), await ServerCountsAsync(directiveId));

        // The answer to a send is lost and the phone sends the same report again: still one report.
        await page.EvaluateAsync(
            """
            () => new Promise((resolve, reject) => {
              const open = indexedDB.open('directivehub', 1);
              open.onsuccess = () => {
                const tx = open.result.transaction('queue', 'readwrite');
                const store = tx.objectStore('queue');
                store.getAll().onsuccess = (e) => e.target.result.forEach((entry) => { entry.state = 'waiting'; store.put(entry); });
                tx.oncomplete = () => { open.result.close(); resolve(); };
                tx.onerror = () => reject(tx.error);
              };
            })
            """);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Assertions.Expect(queue.Locator("li[data-dh-state=sent]")).ToHaveCountAsync(2);
        Assert.Equal((1, 1), await ServerCountsAsync(directiveId));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#dh-offline-banner")).ToBeHiddenAsync();
        await Assertions.Expect(task).ToContainTextAsync("Chờ cấp ủy xác nhận");
        await Assertions.Expect(task.GetByRole(AriaRole.Link, new() { Name = "anh-thon-1.png" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Sign out: the next person on this phone finds none of this officer's copies or queue.
        Assert.NotEmpty(await page.EvaluateAsync<string[]>(UserCaches));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở/đóng menu" }).ClickAsync();
        await page.GetByTestId("account-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await page.EvaluateAsync<string[]>(UserCaches));
        var left = await page.EvaluateAsync<int>(
            """
            () => new Promise((resolve) => {
              const open = indexedDB.open('directivehub', 1);
              open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: 'key' });
              open.onsuccess = () => { const r = open.result.transaction('queue').objectStore('queue').count(); r.onsuccess = () => { open.result.close(); resolve(r.result); }; };
            })
            """);
        Assert.Equal(0, left);
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_home_page_lists_what_waits_for_each_role_and_links_to_where_it_is_done()
    {
        app.Require();
        var officer = await app.NewPageAsync(phone: true);
        await officer.SignInAsync("officer.phuongcach@demo.local");
        await officer.GotoAsync("/");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Việc cần làm");
        var overdue = officer.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Nhiệm vụ quá hạn") });
        await Assertions.Expect(overdue).ToContainTextAsync("114-CV/HU");

        // Phượng Cách's result was returned by the district (demo seed): it must report again.
        var returned = officer.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Kết quả bị trả lại") });
        await Assertions.Expect(returned).ToContainTextAsync("114-CV/HU");
        await officer.AssertAccessibleAsync();
        await overdue.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToContainTextAsync("114-CV/HU");

        var leader = await app.NewPageAsync(phone: true);
        await leader.SignInAsync(DemoAccounts.Leader);
        await leader.GotoAsync("/");
        var subtree = leader.GetByRole(AriaRole.Region, new() { Name = "Đơn vị cấp dưới" });
        await Assertions.Expect(subtree).ToContainTextAsync("nhiệm vụ quá hạn ở");
        await leader.AssertAccessibleAsync();
        await subtree.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" }).First).ToBeVisibleAsync();
        await leader.AssertAccessibleAsync();

        var clerk = await app.NewPageAsync(phone: true);
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync("/");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Việc cần làm");

        // Mặt trận's result waits for the district's decision: the line names the unit and opens the tracking page.
        var awaiting = clerk.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Kết quả chờ đơn vị xác nhận") });
        await Assertions.Expect(awaiting).ToContainTextAsync("MTTQ");
        await clerk.AssertAccessibleAsync();
        await awaiting.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(new Regex("/Tracking/"));
    }

    private static Regex SavedCopy() => SavedCopyPattern();

    [GeneratedRegex(@"Đang xem bản lưu lúc \d{2}:\d{2}")]
    private static partial Regex SavedCopyPattern();

    private static Task<IJSHandle> WaitUntilKeptAsync(IPage page, string url) =>
        page.WaitForFunctionAsync(
            """
            async (url) => {
              const u = new URL(url);
              const key = u.origin + u.pathname.toLowerCase() + u.search;
              for (const name of (await caches.keys()).filter(n => n.startsWith('dh-user-'))) {
                if (await (await caches.open(name)).match(key)) return true;
              }
              return false;
            }
            """,
            url,
            new PageWaitForFunctionOptions { PollingInterval = 200 });

    private async Task<(int Acknowledgments, int Reports)> ServerCountsAsync(Guid directiveId)
    {
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, app.ConnectionString);
        var acknowledgments = await db.Assignments.CountAsync(a => a.DirectiveId == directiveId && a.AcknowledgmentKey != null, TestContext.Current.CancellationToken);
        var reports = await db.ProgressReports.CountAsync(r => r.Note == "Đã tuyên truyền tại 12 thôn khi mất mạng." && r.IdempotencyKey != null, TestContext.Current.CancellationToken);
        return (acknowledgments, reports);
    }
}

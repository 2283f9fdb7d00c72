using System.Text.Json;
using DirectiveHub.BrowserTests.Infrastructure;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Accessibility;

/// <summary>
/// Layout as people meet it (#14 item 15, #17 item 1): the menu from 992 px, empty lists, and on a
/// phone the dashboards and notifications as cards with finger-sized targets.
/// </summary>
public sealed class PhoneLayoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(DemoAccounts.Admin, 1000)]
    [InlineData(DemoAccounts.Admin, 1024)]
    [InlineData(DemoAccounts.Clerk, 1000)]
    [InlineData(DemoAccounts.Clerk, 1024)]
    public async Task The_menu_stays_on_one_line_from_992_px(string account, int width)
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 768);
        await page.SignInAsync(account);
        await page.GotoAsync(account == DemoAccounts.Admin ? "/Admin/Users" : "/Inbox");

        var layout = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const bar = document.querySelector('header nav.navbar');
              const items = [...bar.querySelectorAll('#nav > ul > li, #nav > div > *')].filter(e => e.offsetParent !== null);
              // One line: every item's vertical middle on the same line, and no item taller than one line of links.
              const middles = items.map(e => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });
              const parts = items.map(e => { const r = e.getBoundingClientRect(); return `${(e.innerText || '').trim().slice(0, 20)} ${Math.round(r.left)}-${Math.round(r.right)}x${Math.round(r.height)}`; });
              const account = document.querySelector('[data-testid=account-menu]').getBoundingClientRect();
              return { height: bar.getBoundingClientRect().height, scroll: bar.scrollWidth, width: bar.clientWidth, page: document.documentElement.scrollWidth, accountRight: account.right, spread: Math.max(...middles) - Math.min(...middles), count: items.length, parts };
            }
            """);
        Assert.True(layout.GetProperty("count").GetInt32() >= 5, $"the menu is not expanded at {width} px");
        Assert.True(layout.GetProperty("spread").GetDouble() <= 12, $"the menu wraps at {width} px: {layout}");
        // One line of links is 56 px (Bootstrap's bar); the bell's unread badge once made it 64.
        Assert.True(layout.GetProperty("height").GetDouble() <= 58, $"the menu bar is taller than one line at {width} px: {layout}");
        Assert.True(layout.GetProperty("scroll").GetInt32() <= layout.GetProperty("width").GetInt32(), $"the menu overflows at {width} px: {layout}");
        Assert.True(layout.GetProperty("page").GetInt32() <= width, $"the page scrolls sideways at {width} px: {layout}");
        Assert.True(layout.GetProperty("accountRight").GetDouble() <= width, $"the account menu is cut off at {width} px: {layout}");

        if (account == DemoAccounts.Admin)
        {
            // The administration pages are one menu; the page shown is marked in it.
            await page.GetByTestId("admin-menu").ClickAsync();
            var current = page.Locator(".dropdown-menu a[aria-current=page]");
            await Assertions.Expect(current).ToHaveTextAsync("Người dùng");
            await page.Locator(".dropdown-menu").GetByRole(AriaRole.Link, new() { Name = "Nhật ký hệ thống" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Admin/Audit$"));
        }

        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_empty_list_says_what_is_empty_and_offers_the_next_step()
    {
        app.Require();
        var officer = await app.NewPageAsync(phone: true);
        await officer.SignInAsync(DemoAccounts.Officer);
        await officer.GotoAsync("/Inbox?q=khongcovanbannaynhu");
        var empty = officer.GetByTestId("empty-state");
        await Assertions.Expect(empty).ToContainTextAsync("Không có mục nào khớp với điều kiện lọc.");
        await Assertions.Expect(officer.Locator("main table")).ToHaveCountAsync(0);
        await officer.AssertAccessibleAsync();
        await empty.GetByRole(AriaRole.Link, new() { Name = "Bỏ lọc, xem tất cả" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "114-CV/HU" })).ToBeVisibleAsync();

        var clerk = await app.NewPageAsync();
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync("/Directives?q=khongcovanbannaynhu");
        await Assertions.Expect(clerk.GetByTestId("empty-state")).ToContainTextAsync("Không có mục nào khớp với điều kiện lọc.");
        await clerk.AssertAccessibleAsync();

        var admin = await app.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/Admin/Audit?from=2099-01-01");
        await Assertions.Expect(admin.GetByTestId("empty-state")).ToContainTextAsync("Không có mục nào khớp với điều kiện lọc.");
        await admin.AssertAccessibleAsync();
        await admin.GotoAsync("/Admin/Signing");
        var certificates = admin.GetByTestId("empty-state");
        await Assertions.Expect(certificates).ToContainTextAsync("Chưa có chứng thư số nào của đơn vị.");
        await Assertions.Expect(certificates).ToContainTextAsync("Hãy thêm tệp chứng thư số");
        await admin.AssertAccessibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_dashboards_figures_and_the_notifications_are_cards_with_finger_sized_targets()
    {
        app.Require();
        var leader = await app.NewPageAsync(phone: true);
        await leader.SignInAsync(DemoAccounts.Leader);
        await leader.GotoAsync("/Dashboard?preset=custom&from=2021-10-01&to=2021-11-30");
        await leader.AssertAccessibleAsync();

        var dashboard = await CardLayoutAsync(leader, "main section[aria-labelledby=issued-heading], main section[data-testid=received], main [data-testid=unit-tree]");
        Assert.True(dashboard.GetProperty("wideTables").GetArrayLength() == 0, $"wide tables on the phone: {dashboard.GetProperty("wideTables")}");
        Assert.True(dashboard.GetProperty("small").GetArrayLength() == 0, $"targets under 44 px: {dashboard.GetProperty("small")}");
        Assert.True(dashboard.GetProperty("targets").GetInt32() >= 5, "no figure links found");

        // A figure is a card to tap as a whole: it opens its list of tasks.
        await leader.Locator("main section[aria-labelledby=issued-heading] a[href*='status=overdue']").ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Danh sách nhiệm vụ");

        var clerk = await app.NewPageAsync(phone: true);
        await clerk.SignInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync("/Notifications");
        await clerk.AssertAccessibleAsync();
        var notices = await CardLayoutAsync(clerk, "main .list-group, main [data-testid=empty-state], main form");
        Assert.True(notices.GetProperty("wideTables").GetArrayLength() == 0, $"wide tables on the phone: {notices.GetProperty("wideTables")}");
        Assert.True(notices.GetProperty("small").GetArrayLength() == 0, $"targets under 44 px: {notices.GetProperty("small")}");
        Assert.True(notices.GetProperty("targets").GetInt32() >= 1, "no notification or action found");
    }

    /// <summary>
    /// At 390 px: no table shown as a table wider than the screen in <paramref name="scope"/>, and every link, button
    /// and field there at least 44 px high and inside the screen.
    /// </summary>
    private static async Task<JsonElement> CardLayoutAsync(IPage page, string scope) =>
        await page.EvaluateAsync<JsonElement>(
            """
            (scope) => {
              const width = document.documentElement.clientWidth;
              const roots = [...document.querySelectorAll(scope)];
              const name = e => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.innerText || '').trim().slice(0, 30)}"`;
              const shown = e => e.offsetParent !== null && !e.closest('details:not([open])') && !e.closest('.visually-hidden');
              const tables = roots.flatMap(r => r.matches('table') ? [r] : [...r.querySelectorAll('table')]).filter(shown);
              const wideTables = tables.filter(t => getComputedStyle(t).display === 'table' && t.getBoundingClientRect().width > width).map(name);
              const targets = roots.flatMap(r => [...r.querySelectorAll('a[href], button, select, input:not([type=hidden]), textarea')]).filter(shown);
              const small = targets.filter(t => { const b = t.getBoundingClientRect(); const hit = t.classList.contains('stretched-link') ? t.closest('.position-relative').getBoundingClientRect() : b; return hit.height < 44 || b.right > width + 1; }).map(name);
              return { wideTables, small, targets: targets.length };
            }
            """,
            scope);

    [Theory]
    [InlineData("report")]
    [InlineData("registers")]
    public async Task On_a_phone_a_wide_table_scrolls_in_its_box_instead_of_breaking_its_words_letter_by_letter(string which)
    {
        app.Require();
        var page = await app.NewPageAsync(phone: true);
        await page.SetViewportSizeAsync(360, 800);
        if (which == "report")
        {
            await page.SignInAsync(DemoAccounts.Clerk);
            await page.GotoAsync($"/Reports?org={await app.OrganizationIdAsync("HN-QO")}&kind=quarter&part=4&year=2021");
        }
        else
        {
            await page.SignInAsync(DemoAccounts.Admin);
            await page.GotoAsync("/Admin/Registers");
        }

        // The widest word of every header and cell fits its cell's width: nothing is broken inside a word (a range
        // such as "01/10/2020–30/09/2025" may break after its dash, as text does).
        var layout = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const table = document.querySelector('main .table-responsive table');
              const probe = document.createElement('span');
              probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
              document.body.appendChild(probe);
              const broken = [];
              for (const cell of table.querySelectorAll('th, td')) {
                if (cell.offsetParent === null) continue;
                const style = getComputedStyle(cell);
                probe.style.font = style.font;
                for (const word of (cell.innerText || '').split(/[\s\u2013]+/).filter(w => w.length > 1)) {
                  probe.textContent = word;
                  const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                  if (probe.getBoundingClientRect().width > room + 1) { broken.push(word); }
                }
              }
              probe.remove();
              return { broken: broken.slice(0, 5), page: document.documentElement.scrollWidth };
            }
            """);
        Assert.True(layout.GetProperty("broken").GetArrayLength() == 0, $"words broken inside their cells: {layout}");
        Assert.True(layout.GetProperty("page").GetInt32() <= 360, $"the page itself scrolls sideways: {layout}");
    }
}

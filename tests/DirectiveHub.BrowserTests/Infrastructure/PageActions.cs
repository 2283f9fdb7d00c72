using System.Text.Json;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Infrastructure;

public static class PageActions
{
    public const int PhoneWidth = 360;

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assets", "axe.min.js")));

    public static async Task SignInAsync(this IPage page, string email, string password = DemoAccounts.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !string.Equals(new Uri(url).AbsolutePath, "/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Picks units in the editor's searchable picker (tom-select over the select <paramref name="selectId"/>) as a
    /// person does: types part of each name and clicks the matching entry of the list.
    /// </summary>
    public static async Task PickUnitsAsync(this IPage page, string selectId, params string[] search)
    {
        foreach (var text in search)
        {
            var control = page.Locator($"#{selectId}-ts-control");
            await control.ClickAsync();
            await control.FillAsync(text);
            var option = page.Locator($"#{selectId}-ts-dropdown .option").Filter(new() { HasText = text }).First;
            await option.ClickAsync();
        }

        // A unit list that takes several stays open after a choice; the user closes it and moves on.
        var dropdown = page.Locator($"#{selectId}-ts-dropdown");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator($"#{selectId}-ts-control").BlurAsync();
        await Assertions.Expect(dropdown).ToBeHiddenAsync();
    }

    /// <summary>
    /// Runs axe-core on the current page and fails on any serious or critical violation. The script is evaluated
    /// through the DevTools protocol, so the app's strict Content-Security-Policy stays on.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join('\n', found));
        await page.AssertNoHorizontalScrollAsync();
    }

    /// <summary>
    /// Narrows the viewport to a small phone's 360 CSS pixels and fails when the page scrolls sideways, naming the
    /// widest elements; the viewport is then put back. A table inside its own scrolling region does not count.
    /// </summary>
    public static async Task AssertNoHorizontalScrollAsync(this IPage page)
    {
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, original?.Height ?? 740);
        try
        {
            await page.WaitForFunctionAsync($"() => document.documentElement.clientWidth <= {PhoneWidth}");
            var result = await page.EvaluateAsync<JsonElement>(
                """
                () => {
                  const width = document.documentElement.clientWidth;
                  const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
                  const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.parentElement.closest('.table-responsive'))
                    .slice(-5)
                    .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
                  return { width, scroll, wide };
                }
                """);
            var width = result.GetProperty("width").GetInt32();
            var scroll = result.GetProperty("scroll").GetInt32();
            Assert.True(scroll <= width, $"{page.Url} scrolls sideways at {PhoneWidth} px ({scroll} px wide): " + string.Join(", ", result.GetProperty("wide").EnumerateArray().Select(e => e.GetString())));
        }
        finally
        {
            if (original is not null)
            {
                await page.SetViewportSizeAsync(original.Width, original.Height);
            }
        }
    }
}

using System.Text.Json;
using DirectiveHub.Seeding;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Infrastructure;

public static class PageActions
{
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
    }
}

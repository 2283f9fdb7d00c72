using DirectiveHub.BrowserTests.Infrastructure;

namespace DirectiveHub.BrowserTests.Accessibility;

/// <summary>The accessibility check itself must catch what it is there to catch, or every page passing it means nothing.</summary>
public sealed class AxeCheckTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_check_rejects_a_page_with_an_unlabelled_field_and_an_image_without_text()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<html lang=\"vi\"><head><title>x</title></head><body><main><img src=\"data:,\"><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(page.AssertAccessibleAsync);

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_rejects_a_page_that_scrolls_sideways_on_a_small_phone()
    {
        app.Require();
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<html lang=\"vi\"><head><title>x</title></head><body><main><h1>x</h1><p id=\"wide\">Rộng</p></main></body></html>");
        await page.EvaluateAsync("() => document.getElementById('wide').style.width = '600px'");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(page.AssertNoHorizontalScrollAsync);

        Assert.Contains("p#wide", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1280, page.ViewportSize!.Width);
    }
}

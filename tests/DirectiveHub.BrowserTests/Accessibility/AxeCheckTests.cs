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
}

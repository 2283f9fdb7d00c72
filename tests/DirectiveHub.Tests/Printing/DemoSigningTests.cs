using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Printing;

/// <summary>The demo as `dotnet run` seeds it: its committees hold signing certificates, so a published demo directive is signed.</summary>
public sealed class DemoSigningTests(DemoSigningTests.DemoSigningFixture app) : IClassFixture<DemoSigningTests.DemoSigningFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed class DemoSigningFixture : PostgresAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:SigningCertificates"] = "true" };
    }

    [Fact]
    public async Task Publishing_a_demo_directive_stores_a_PDF_that_pdfsig_reports_valid_and_unchanged()
    {
        app.Require();
        var signing = await app.QueryAsync(db => db.UnitCertificates.Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => o.Code).OrderBy(c => c).ToListAsync(Cancel));
        Assert.Equal(DirectiveHub.Signing.DemoSigningCertificates.UnitCodes.Order(StringComparer.Ordinal), signing);

        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var id = await RecordCopyPublishingTests.DraftAsync(app, clerk, "thử ký số bản lưu trên dữ liệu mẫu");
        var published = await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.NotNull((await published.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("number").GetString());

        var pdf = await clerk.GetByteArrayAsync(new Uri($"/api/directives/{id}/pdf", UriKind.Relative), Cancel);
        var (_, report) = await PopplerTools.SignaturesAsync(pdf);
        Assert.Contains("Signer Certificate Common Name: HUYỆN ỦY QUỐC OAI", report, StringComparison.Ordinal);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);

        // The demo root is nobody's trust anchor: the app's own check says so until an administrator trusts it.
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(DemoAccounts.Clerk);
        var lines = (await browser.GetDocumentAsync($"/Directives/Signatures/{id}")).QuerySelectorAll("main li").Select(l => l.TextContent).ToList();
        Assert.Contains("Nội dung còn nguyên vẹn từ khi ký.", lines);
        Assert.Contains(lines, l => l.StartsWith("Không rõ tổ chức cấp chứng thư số", StringComparison.Ordinal) && l.Contains(DirectiveHub.Signing.DemoSigningCertificates.RootName, StringComparison.Ordinal));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Printing;

/// <summary>
/// A unit signs with a certificate installed in the server's own certificate store (the current user's "My"),
/// named by its thumbprint on the signing page: the database never holds its key, and a certificate that leaves the
/// store stops publishing with a reason instead of publishing unsigned.
/// </summary>
public sealed class MachineStoreSigningTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_certificate_of_the_machine_store_named_by_its_thumbprint_signs_on_publish_and_pdfsig_verifies_it()
    {
        app.Require();
        using var root = TestCertificates.CreateRoot("Machine Store Test Root");
        using var issued = TestCertificates.Issue(root, "Huyện ủy Quốc Oai (kho máy chủ)");
        using var installed = X509CertificateLoader.LoadPkcs12(TestCertificates.Pkcs12(issued, "p"), "p", X509KeyStorageFlags.Exportable | X509KeyStorageFlags.PersistKeySet);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(installed);
        try
        {
            var admin = app.Factory.CreateBrowserLikeClient();
            await admin.SignInOrFailAsync(DemoAccounts.Admin);
            var quocOai = await app.OrganizationAsync("HN-QO");

            // A thumbprint nobody installed is refused in Vietnamese, and nothing is stored.
            var unknown = await admin.SubmitFormAsync("/Admin/Signing", new Dictionary<string, string> { ["organizationId"] = quocOai.ToString(), ["thumbprint"] = new string('A', 40) }, formSelector: "form[data-store-certificate]", postTo: "/Admin/Signing?handler=StoreCertificate");
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
            Assert.Contains("Không thấy chứng thư số", (await PageClient.ParseAsync(unknown)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
            Assert.False(await app.QueryAsync(db => db.UnitCertificates.AnyAsync(c => c.OrganizationId == quocOai, Cancel)));

            // Typed as the certificate tools print it: lower case, in pairs.
            var typed = string.Join(' ', Enumerable.Range(0, 20).Select(i => installed.Thumbprint.Substring(i * 2, 2).ToLowerInvariant()));
            var saved = await admin.SubmitFormAsync("/Admin/Signing", new Dictionary<string, string> { ["organizationId"] = quocOai.ToString(), ["thumbprint"] = typed }, formSelector: "form[data-store-certificate]", postTo: "/Admin/Signing?handler=StoreCertificate");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var row = await app.QueryAsync(db => db.UnitCertificates.AsNoTracking().SingleAsync(c => c.OrganizationId == quocOai, Cancel));
            Assert.True(row.FromMachineStore);
            Assert.Null(row.ProtectedPassword);
            Assert.Equal(installed.Thumbprint, row.Thumbprint);
            Assert.Contains("Kho chứng thư của máy chủ", (await admin.GetDocumentAsync("/Admin/Signing")).QuerySelector("#certificate-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);

            var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
            var id = await RecordCopyPublishingTests.DraftAsync(app, clerk, "ký bằng chứng thư trong kho của máy chủ");
            var published = await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var pdf = await clerk.GetByteArrayAsync(new Uri($"/api/directives/{id}/pdf", UriKind.Relative), Cancel);
            var (_, report) = await PopplerTools.SignaturesAsync(pdf);
            Assert.Contains("Signer Certificate Common Name: Huyện ủy Quốc Oai (kho máy chủ)", report, StringComparison.Ordinal);
            Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
            Assert.Contains("Total document signed", report, StringComparison.Ordinal);
            Assert.Equal(installed.Thumbprint, await app.QueryAsync(db => db.RecordCopies.Where(c => c.DirectiveId == id).Select(c => c.CertificateThumbprint).SingleAsync(Cancel)));

            // Taken out of the store, the certificate no longer signs: the next directive stays a draft and says why.
            store.Remove(installed);
            var next = await RecordCopyPublishingTests.DraftAsync(app, clerk, "sau khi gỡ chứng thư khỏi kho");
            await RecordCopyPublishingTests.AssertPublishingRefusedAsync(app, clerk, next, "kho chứng thư của máy chủ");
        }
        finally
        {
            store.Remove(installed);
        }
    }

    [Fact]
    public async Task An_administrator_of_part_of_the_tree_reads_the_trusted_roots_but_cannot_add_or_remove_one()
    {
        app.Require();
        var email = $"admin.roots.{Guid.NewGuid().ToString("N")[..8]}@demo.local";
        await app.CreateUserAsync(email, "HN-QO", DirectiveHub.Users.Roles.Admin);
        var district = app.Factory.CreateBrowserLikeClient();
        await district.SignInOrFailAsync(email);

        var page = await district.GetDocumentAsync("/Admin/Signing");

        Assert.NotNull(page.QuerySelector("[data-roots-read-only]"));
        Assert.Null(page.QuerySelector("form[action*='handler=Root']"));
        using var root = TestCertificates.CreateRoot("Not to be trusted by a district");
        var token = page.QuerySelector("form[data-store-certificate] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(root.RawData), "file", "root.cer" } };
        var posted = await district.PostAsync(new Uri("/Admin/Signing?handler=Root", UriKind.Relative), form, Cancel);
        Assert.Contains("/Account/AccessDenied", posted.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.TrustedRoots.AnyAsync(r => r.Thumbprint == root.Thumbprint, Cancel)));
    }
}

using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using DirectiveHub.Directives;
using DirectiveHub.Import;
using DirectiveHub.Printing;
using DirectiveHub.Seeding;
using DirectiveHub.Signing;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Tests.Printing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Import;

/// <summary>
/// A directive received as a PDF keeps that PDF: registered from the import page (uploaded at once, or checked first
/// and registered on the next post), the file becomes the directive's attachment with the verdict on its signatures,
/// and a PDF attached to a draft is checked as it is uploaded.
/// </summary>
public sealed class ReceivedPdfTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PrintedDirective Chỉ_thị(int number) => new(
        null,
        "THÀNH ỦY HÀ NỘI",
        $"Số {number}-CT/TU",
        "Hà Nội, ngày 15 tháng 9 năm 2021",
        "CHỈ THỊ",
        "về đẩy mạnh chuyển đổi số trong các cơ quan đảng",
        null,
        null,
        [],
        "Ban Thường vụ Thành ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nhiệm vụ sau:",
        [("1.", "Các quận ủy, huyện ủy, thị ủy xây dựng kế hoạch thực hiện, hoàn thành trước ngày 30/9/2021.", 0)],
        "Chỉ thị này được phổ biến đến chi bộ.",
        ["- Các quận ủy, huyện ủy, thị ủy,", "- Lưu Văn phòng Thành ủy."],
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
        "Đinh Tiến Dũng",
        false);

    private static async Task<byte[]> SignedPdfAsync(int number, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        using var signer = UnitSigner.FromCertificate(certificate, [], "THÀNH ỦY HÀ NỘI", null);
        return await DirectivePdfTests.Writer().RenderAsync(Chỉ_thị(number), signer, DateTime.UtcNow, Cancel);
    }

    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string handler, byte[]? file, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await client.GetDocumentAsync("/Import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "importFile", "chi-thi-tu.pdf");
        }

        return await client.PostAsync(new Uri($"/Import?handler={handler}", UriKind.Relative), form, Cancel);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid draft, string fileName, byte[] bytes)
    {
        var page = await client.GetDocumentAsync($"/Directives/Details/{draft}");
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/Directives/Details/{draft}?handler=Upload", UriKind.Relative), form, Cancel);
    }

    private async Task<Directive> ReceivedAsync(string number) =>
        await app.QueryAsync(db => db.Directives.AsNoTracking().Include(d => d.Attachments).SingleAsync(d => d.Number == number, Cancel));

    [Fact]
    public async Task A_signed_PDF_registered_as_received_is_kept_as_its_attachment_with_the_signers_name_and_verdict()
    {
        app.Require();
        using var root = TestCertificates.CreateRoot("Văn phòng Trung ương Test CA");
        var pdf = await SignedPdfAsync(31, TestCertificates.Issue(root, "Thành ủy Hà Nội"));
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var registered = await PostImportAsync(client, "Register", pdf);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var directive = await ReceivedAsync("31-CT/TU");
        var original = Assert.Single(directive.Attachments);
        Assert.Equal(("chi-thi-tu.pdf", "application/pdf", (long)pdf.Length), (original.FileName, original.ContentType, original.Length));
        Assert.Equal(SignatureVerdict.UnknownIssuer, original.SignatureVerdict);
        Assert.Equal("Thành ủy Hà Nội", original.SignedBy);
        Assert.Contains("Nội dung còn nguyên vẹn từ khi ký.", original.SignatureSummary, StringComparison.Ordinal);

        // The clerk reads both where the registration lands: the file kept, and what its signature says.
        var details = await PageClient.ParseAsync(await client.GetAsync(new Uri(registered.Headers.Location!.OriginalString, UriKind.Relative), Cancel));
        Assert.Contains("Tệp gốc chi-thi-tu.pdf được lưu kèm văn bản.", details.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var verdict = details.QuerySelector("#attachments-heading")!.ParentElement!.QuerySelector("[data-signature]")!;
        Assert.Equal("UnknownIssuer", verdict.GetAttribute("data-signature"));
        Assert.Contains("Có chữ ký số của Thành ủy Hà Nội, nhưng chứng thư không do tổ chức được tin cậy cấp.", verdict.TextContent, StringComparison.Ordinal);

        // The stored file is the uploaded one, byte for byte, behind the attachment route's access check.
        var download = await client.GetAsync(new Uri($"/Directives/Attachment/{original.Id}", UriKind.Relative), Cancel);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task A_PDF_checked_first_is_kept_when_its_checked_text_is_registered_and_only_by_the_clerk_who_uploaded_it()
    {
        app.Require();
        using var root = TestCertificates.CreateRoot();
        var pdf = await SignedPdfAsync(32, TestCertificates.Issue(root, "Thành ủy Hà Nội"));
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var checkedPage = await PageClient.ParseAsync(await PostImportAsync(client, "Check", pdf));

        // The check shows the signature before anything is registered, and keeps the file for the next post.
        Assert.Contains("Có chữ ký số của Thành ủy Hà Nội", checkedPage.QuerySelector("[data-import-signatures]")!.TextContent, StringComparison.Ordinal);
        var staged = checkedPage.QuerySelector("input[name=staged]")!.GetAttribute("value")!;
        Assert.Equal("true", checkedPage.QuerySelector("#keepOriginal")!.GetAttribute("value"));
        var text = checkedPage.QuerySelector("#importText")!.TextContent;
        Assert.Contains("32-CT/TU", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Number == "32-CT/TU", Cancel)));

        // Another clerk (of a commune under the same city) who posts that id gets the text registered without anybody's file.
        await app.CreateUserAsync("clerk.saison.staged@demo.local", "HN-QO-SS", DirectiveHub.Users.Roles.Clerk);
        var other = app.Factory.CreateBrowserLikeClient();
        await other.SignInOrFailAsync("clerk.saison.staged@demo.local");
        var foreign = await PostImportAsync(other, "Register", null, new Dictionary<string, string> { ["importText"] = text.Replace("32-CT/TU", "33-CT/TU", StringComparison.Ordinal), ["staged"] = staged, ["keepOriginal"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.Empty((await ReceivedAsync("33-CT/TU")).Attachments);

        var registered = await PostImportAsync(client, "Register", null, new Dictionary<string, string> { ["importText"] = text, ["staged"] = staged, ["keepOriginal"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var original = Assert.Single((await ReceivedAsync("32-CT/TU")).Attachments);
        Assert.Equal(SignatureVerdict.UnknownIssuer, original.SignatureVerdict);
        Assert.False(await app.QueryAsync(db => db.StagedImports.AnyAsync(s => s.Id == Guid.Parse(staged), Cancel)));
    }

    [Fact]
    public async Task A_PDF_attached_to_a_draft_is_checked_on_upload_trusted_and_tampered_alike()
    {
        app.Require();
        using var root = TestCertificates.CreateRoot("Ban Cơ yếu Test Root");
        var pdf = await SignedPdfAsync(34, TestCertificates.Issue(root, "Thành ủy Hà Nội"));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectiveHub.Data.AppDbContext>();
            var admin = await db.Users.Where(u => u.Email == DemoAccounts.Admin).Select(u => u.Id).SingleAsync(Cancel);
            db.TrustedRoots.Add(new TrustedRoot(root.RawData, root.Subject, root.Thumbprint, root.NotAfter.ToUniversalTime(), admin, DateTime.UtcNow));
            await db.SaveChangesAsync(Cancel);
        }

        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var draft = await DirectiveHub.Tests.Operations.ClerkSteps.DraftAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, draft, "ban-goc.pdf", pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, draft, "ban-sua.pdf", PdfSigningTests.Tamper(pdf))).StatusCode);

        var attachments = await app.QueryAsync(db => db.Directives.AsNoTracking().Where(d => d.Id == draft).SelectMany(d => d.Attachments).ToListAsync(Cancel));
        Assert.Equal(SignatureVerdict.Valid, attachments.Single(a => a.FileName == "ban-goc.pdf").SignatureVerdict);
        Assert.Equal(SignatureVerdict.Changed, attachments.Single(a => a.FileName == "ban-sua.pdf").SignatureVerdict);
        var page = await client.GetDocumentAsync($"/Directives/Details/{draft}");
        var lines = page.QuerySelectorAll("[data-signature]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Chữ ký số hợp lệ của Thành ủy Hà Nội.", lines);
        Assert.Contains("Văn bản đã bị thay đổi sau khi ký, hoặc chữ ký số bị hỏng.", lines);
    }

    [Fact]
    public async Task A_text_in_the_name_of_a_unit_of_the_system_that_is_not_above_the_receiver_is_refused_and_its_register_untouched()
    {
        app.Require();
        var quocOai = await app.OrganizationAsync("HN-QO");
        var nextBefore = await app.QueryAsync(db => db.NumberRegisters.Where(r => r.IssuerId == quocOai).Select(r => new { r.DocumentType, r.NextSequence }).ToListAsync(Cancel));
        var text = ImportTexts.Read("quoc-oai-114-CV-HU").Replace("114", "917", StringComparison.Ordinal);
        var conCuong = app.Factory.CreateBrowserLikeClient();
        await conCuong.SignInOrFailAsync("clerk.concuong@demo.local");

        var refused = await PostImportAsync(conCuong, "Register", null, new Dictionary<string, string> { ["importText"] = text });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("HUYỆN ỦY QUỐC OAI là đơn vị trên hệ thống nhưng không phải cấp trên", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Số 917", page.QuerySelector("#importText")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Number == "917-CV/HU", Cancel)));

        // Nor by the unit itself: its own documents are drafted and published here.
        var own = app.Factory.CreateBrowserLikeClient();
        await own.SignInOrFailAsync(DemoAccounts.Clerk);
        var self = await PageClient.ParseAsync(await PostImportAsync(own, "Register", null, new Dictionary<string, string> { ["importText"] = text }));
        Assert.Contains("Văn bản của chính HUYỆN ỦY QUỐC OAI được soạn và ban hành trên hệ thống", self.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(nextBefore.Select(r => (r.DocumentType, r.NextSequence)).Order(), (await app.QueryAsync(db => db.NumberRegisters.Where(r => r.IssuerId == quocOai).Select(r => new { r.DocumentType, r.NextSequence }).ToListAsync(Cancel))).Select(r => (r.DocumentType, r.NextSequence)).Order());
    }

    [Fact]
    public async Task A_file_whose_registration_is_refused_waits_for_the_corrected_text_and_is_kept_with_it()
    {
        app.Require();
        using var root = TestCertificates.CreateRoot();
        var pdf = await SignedPdfAsync(36, TestCertificates.Issue(root, "Thành ủy Hà Nội"));
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.Redirect, (await PostImportAsync(client, "Register", pdf)).StatusCode);

        // The same file again is a duplicate: the error, the text, and the file waiting for the next post.
        var refused = await PageClient.ParseAsync(await PostImportAsync(client, "Register", pdf));
        Assert.Contains("đã có trong hệ thống", refused.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        var staged = refused.QuerySelector("input[name=staged]")!.GetAttribute("value")!;
        Assert.NotNull(refused.QuerySelector("#keepOriginal"));
        var corrected = refused.QuerySelector("#importText")!.TextContent.Replace("36-CT/TU", "37-CT/TU", StringComparison.Ordinal);

        var registered = await PostImportAsync(client, "Register", null, new Dictionary<string, string> { ["importText"] = corrected, ["staged"] = staged, ["keepOriginal"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(pdf.Length, Assert.Single((await ReceivedAsync("37-CT/TU")).Attachments).Length);
    }

    [Fact]
    public async Task A_staged_file_nobody_registers_is_removed_after_a_day()
    {
        app.Require();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var staging = scope.ServiceProvider.GetRequiredService<StagedImports>();
        var owner = Guid.CreateVersion7();
        var id = await staging.StageAsync(owner, "bo-do.pdf", "%PDF-1.7\n%%EOF\n"u8.ToArray(), Cancel);
        Assert.NotNull(await staging.FindAsync(id, owner, Cancel));

        app.Factory.Clock.Advance(StagedImports.Lifetime + TimeSpan.FromMinutes(1));

        Assert.Null(await staging.FindAsync(id, owner, Cancel));
        Assert.True(await staging.PurgeAsync(Cancel) >= 1);
        Assert.False(await app.QueryAsync(db => db.StagedImports.AnyAsync(s => s.Id == id, Cancel)));
    }
}

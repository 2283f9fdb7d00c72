using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Directives;

public sealed class AttachmentTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_PDF_is_attached_and_served_only_to_those_who_may_see_the_directive()
    {
        app.Require();
        var (client, id) = await DraftAsync();

        var upload = await UploadAsync(client, id, "ke-hoach.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray());
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var attachment = await app.QueryAsync(db => db.Directives.Where(d => d.Id == id).SelectMany(d => d.Attachments).SingleAsync(Cancel));
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal("ke-hoach.pdf", attachment.FileName);

        var download = await client.GetAsync(new Uri($"/Directives/Attachment/{attachment.Id}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", await download.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var other = app.Factory.CreateBrowserLikeClient();
        await other.SignInOrFailAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/Directives/Attachment/{attachment.Id}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_file_whose_content_is_not_an_accepted_type_is_refused_whatever_its_name()
    {
        app.Require();
        var (client, id) = await DraftAsync();

        var upload = await UploadAsync(client, id, "cong-van.pdf", "MZ\x90\0 this is a program"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var page = await PageClient.ParseAsync(upload);
        Assert.Contains("Loại tệp không được chấp nhận", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.Where(d => d.Id == id).SelectMany(d => d.Attachments).CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_gets_the_Vietnamese_message_on_the_page_not_an_empty_400()
    {
        app.Require();
        var (client, id) = await DraftAsync();
        var bytes = new byte[25 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(bytes);

        var upload = await UploadAsync(client, id, "qua-lon.pdf", bytes);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var page = await PageClient.ParseAsync(upload);
        Assert.Contains("Tệp quá lớn (tối đa 20 MB)", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, Guid Id)> DraftAsync()
    {
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var created = await client.SubmitFormAsync("/Directives/Edit", new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "KH",
            ["Input.Subject"] = "triển khai nhiệm vụ năm 2027",
            ["Input.RecipientOrganizationIds"] = saiSon.ToString(),
            ["Input.Signer.Name"] = "Đàm Công Lợi",
        });
        return (client, Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string fileName, byte[] bytes)
    {
        var page = await client.GetDocumentAsync($"/Directives/Details/{id}");
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri($"/Directives/Details/{id}?handler=Upload", UriKind.Relative), form, Cancel);
    }
}

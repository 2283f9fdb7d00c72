using System.Net;
using System.Net.Http.Headers;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Operations;

/// <summary>What a clerk does in the operations tests: save a draft, attach a file to it.</summary>
public static class ClerkSteps
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    public static async Task<Guid> DraftAsync(HttpClient client, string subject = "triển khai nhiệm vụ năm 2027")
    {
        var document = await client.GetDocumentAsync("/Directives/Edit");
        var recipient = document.QuerySelector("select[name='Input.RecipientOrganizationIds'] option[value]:not([value=''])")!.GetAttribute("value")!;
        var created = await client.SubmitFormAsync("/Directives/Edit", new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "KH",
            ["Input.Subject"] = subject,
            ["Input.RecipientOrganizationIds"] = recipient,
            ["Input.Signer.Name"] = "Đàm Công Lợi",
        }, formSelector: "form.directive-editor");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>Reads the upload form through <paramref name="formFrom"/> and posts it through <paramref name="postTo"/>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient formFrom, HttpClient postTo, Guid id, byte[] bytes)
    {
        var page = await formFrom.GetDocumentAsync($"/Directives/Details/{id}");
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "ke-hoach.pdf");
        return await postTo.PostAsync(new Uri($"/Directives/Details/{id}?handler=Upload", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }
}

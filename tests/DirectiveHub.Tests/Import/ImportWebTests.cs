using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Import;

public sealed class ImportWebTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_parse_API_reads_plain_text_into_the_same_JSON_as_the_CLI()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        var response = await client.PostAsync(new Uri("/api/import/parse", UriKind.Relative), new StringContent(ImportTexts.Read("quoc-oai-114-CV-HU"), Encoding.UTF8, "text/plain"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        // The API adds the format check to the parser's JSON: the sample follows the rules.
        Assert.Empty(Assert.IsType<JsonArray>(actual["formatWarnings"]));
        actual.Remove("formatWarnings");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ImportTexts.Expected("quoc-oai-114-CV-HU")), actual), actual.ToJsonString());
    }

    [Fact]
    public async Task The_parse_API_reads_an_uploaded_docx()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Docx(ImportTexts.Read("hai-hau-22-CV-BDVHU"))), "file", "22-CV-BDVHU.docx" } };

        var response = await client.PostAsync(new Uri("/api/import/parse", UriKind.Relative), form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("22-CV/BDVHU", json.GetProperty("number").GetString());
        Assert.Equal("BAN DÂN VẬN", json.GetProperty("issuer").GetString());
        Assert.Equal("Lại Văn Hà", json.GetProperty("signer").GetProperty("name").GetString());
        Assert.Equal(4, json.GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task The_parse_API_refuses_other_content_with_a_problem()
    {
        app.Require();
        var client = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var json = await client.PostAsJsonAsync("/api/import/parse", new { text = "x" }, Cancel);
        using var notDocx = new MultipartFormDataContent { { new ByteArrayContent("MZ not a document"u8.ToArray()), "file", "x.docx" } };
        var fake = await client.PostAsync(new Uri("/api/import/parse", UriKind.Relative), notDocx, Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Equal("application/problem+json", fake.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Importing_a_text_opens_the_editor_prefilled_with_the_warnings_and_saves_nothing()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var before = await app.QueryAsync(db => db.Directives.CountAsync(Cancel));

        var response = await client.SubmitFormAsync("/Import", new Dictionary<string, string> { ["importText"] = ImportTexts.Read("con-cuong-213-CV-HU") }, postTo: "/Directives/Edit?handler=Import");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal("công tác phòng, chống dịch Covid-19 trên địa bàn huyện Con Cuông", ((IHtmlTextAreaElement)page.QuerySelector("#Input_Subject")!).Value);
        Assert.Equal("HoaToc", ((IHtmlSelectElement)page.QuerySelector("#Input_Urgency")!).Value);
        Assert.Equal(3, page.QuerySelectorAll("fieldset.task").Length);
        Assert.Contains("Không tìm thấy người ký.", page.QuerySelector(".alert-warning[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("field-unsure", page.QuerySelector("#Input_Signer_Name")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Directives.CountAsync(Cancel)));
    }

    [Fact]
    public async Task The_format_check_names_each_rule_a_received_text_breaks_and_keeps_the_text()
    {
        app.Require();
        var text = ImportTexts.Read("quoc-oai-114-CV-HU")
            .Replace("Số 114 -CV/HU", "Số 4-CV/HU", StringComparison.Ordinal)
            .Replace("ngày 30 tháng 10 năm 2021", "ngày 3 tháng 09 năm 2021", StringComparison.Ordinal)
            .Replace("- Lưu: VPHU.", string.Empty, StringComparison.Ordinal);
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var before = await app.QueryAsync(db => db.Directives.CountAsync(Cancel));

        var response = await client.SubmitFormAsync("/Import", new Dictionary<string, string> { ["importText"] = text }, postTo: "/Import?handler=Check");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var rules = page.QuerySelectorAll("[data-format-warnings] li").Select(li => li.GetAttribute("data-rule")).ToList();
        Assert.Equal(["number.leading-zero", "date.day", "date.month", "distribution.file-copy"], rules);
        Assert.Contains("Hướng dẫn 36-HD/VPTW", page.QuerySelector("[data-format-warnings]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text.ReplaceLineEndings("\n").Trim(), ((IHtmlTextAreaElement)page.QuerySelector("#importText")!).Value.ReplaceLineEndings("\n").Trim());
        Assert.Equal(before, await app.QueryAsync(db => db.Directives.CountAsync(Cancel)));

        var api = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var parsed = await (await api.PostAsync(new Uri("/api/import/parse", UriKind.Relative), new StringContent(text, Encoding.UTF8, "text/plain"), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(rules, parsed.GetProperty("formatWarnings").EnumerateArray().Select(w => w.GetProperty("ruleId").GetString()));
    }

    [Fact]
    public async Task The_editor_checks_the_format_of_the_form_as_typed_without_saving_it_and_only_for_the_clerks_own_draft()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var before = await app.QueryAsync(db => db.Directives.CountAsync(Cancel));
        var typed = new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "CV",
            ["Input.Subject"] = "V/v tăng cường công tác phòng, chống thiên tai",
            ["Input.Signer.Authority"] = "K/T",
            ["Input.Signer.Body"] = "BAN THƯỜNG VỤ",
            ["Input.Signer.Position"] = "PHÓ BÍ THƯ",
        };

        var response = await client.SubmitFormAsync("/Directives/Edit", typed, formSelector: "form.directive-editor", postTo: "/Directives/Edit?handler=FormatCheck");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partial = await PageClient.ParseAsync(response);
        var rules = partial.QuerySelectorAll("[data-format-warnings] li").Select(li => li.GetAttribute("data-rule")).ToList();
        Assert.Contains("subject.duplicate-vv", rules);
        Assert.Contains("signer.deputy-secretary", rules);
        Assert.Null(partial.QuerySelector("header, nav"));
        Assert.Equal(before, await app.QueryAsync(db => db.Directives.CountAsync(Cancel)));

        // Fixed as typed, the same form checks clean of those rules.
        typed["Input.Subject"] = "tăng cường công tác phòng, chống thiên tai";
        typed["Input.Signer.Authority"] = "T/M";
        var fixedForm = await PageClient.ParseAsync(await client.SubmitFormAsync("/Directives/Edit", typed, formSelector: "form.directive-editor", postTo: "/Directives/Edit?handler=FormatCheck"));
        Assert.DoesNotContain(fixedForm.QuerySelectorAll("[data-format-warnings] li"), li => li.GetAttribute("data-rule") is "subject.duplicate-vv" or "signer.deputy-secretary");

        // Another unit's draft cannot be probed through the check.
        var conCuongApi = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");
        var created = await conCuongApi.PostAsJsonAsync("/api/directives", new { documentType = "CV", subject = "dự thảo của Huyện ủy Con Cuông", signer = new { name = "Vi Văn Sơn" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var conCuongDraft = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var foreign = await client.SubmitFormAsync("/Directives/Edit", typed, formSelector: "form.directive-editor", postTo: $"/Directives/Edit/{conCuongDraft}?handler=FormatCheck");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var missing = await client.SubmitFormAsync("/Directives/Edit", typed, formSelector: "form.directive-editor", postTo: $"/Directives/Edit/{Guid.CreateVersion7()}?handler=FormatCheck");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_publish_confirmation_shows_the_drafts_format_warnings_before_the_number_is_issued()
    {
        app.Require();
        var api = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var draft = await api.PostAsJsonAsync("/api/directives", new { documentType = "CV", subject = "V/v kiểm tra thể thức", recipientOrganizationIds = new[] { saiSon }, signer = new { authority = "K/T", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" } }, Cancel);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var page = await client.GetDocumentAsync($"/Directives/Publish/{id}");

        var rules = page.QuerySelectorAll("[data-format-warnings] li").Select(li => li.GetAttribute("data-rule")).ToList();
        Assert.Contains("subject.duplicate-vv", rules);
        Assert.Contains("signer.deputy-secretary", rules);
        Assert.Contains("distribution.missing", rules);
        Assert.Contains("Quy định 399-QĐ/TW", page.QuerySelector("[data-format-warnings]")!.TextContent, StringComparison.Ordinal);

        // The editor shows the same warnings above the saved draft, where they can be fixed.
        var editor = await client.GetDocumentAsync($"/Directives/Edit/{id}");
        Assert.Equal(rules, editor.QuerySelectorAll("[data-format-warnings] li").Select(li => li.GetAttribute("data-rule")).ToList());
    }

    [Fact]
    public async Task A_higher_directive_is_registered_as_received_once_and_local_directives_can_carry_it_out()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var text = ImportTexts.Read("chi-thi-06-CT-TU");

        var registered = await client.SubmitFormAsync("/Import", new Dictionary<string, string> { ["importText"] = text }, postTo: "/Import?handler=Register");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var received = await app.QueryAsync(db => db.Directives.Include(d => d.Assignments).SingleAsync(d => d.Number == "06-CT/TU", Cancel));
        var hanoi = await app.OrganizationAsync("HN");
        var quocOai = await app.OrganizationAsync("HN-QO");
        Assert.Equal((hanoi, new DateOnly(2021, 9, 1), "THÀNH ỦY HÀ NỘI"), (received.IssuerId, received.IssuedOn, received.IssuerName));
        Assert.Equal(DirectiveHub.Directives.DirectiveStatus.Published, received.Status);
        Assert.Equal([quocOai], received.Assignments.Select(a => a.OrganizationId));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(registered.Headers.Location!.OriginalString, UriKind.Relative), Cancel)).StatusCode);

        var again = await client.SubmitFormAsync("/Import", new Dictionary<string, string> { ["importText"] = text }, postTo: "/Import?handler=Register");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("đã có trong hệ thống", (await PageClient.ParseAsync(again)).QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);

        var api = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var draft = await api.PostAsJsonAsync("/api/directives", new { documentType = "KH", subject = "thực hiện Chỉ thị số 06-CT/TU", recipientOrganizationIds = new[] { saiSon }, signer = new { name = "Đàm Công Lợi" }, references = new[] { new { number = "06-CT/TU" } } }, Cancel);
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await api.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
        var details = await client.GetDocumentAsync($"/Directives/Details/{received.Id}");
        Assert.Contains("-KH/HU", details.QuerySelector("#links-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in text.Split('\n'))
            {
                var bold = line.StartsWith("TRƯỞNG BAN", StringComparison.Ordinal);
                var run = new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line) { Space = SpaceProcessingModeValues.Preserve });
                if (bold)
                {
                    run.PrependChild(new RunProperties(new Bold()));
                }

                body.Append(new Paragraph(run));
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}

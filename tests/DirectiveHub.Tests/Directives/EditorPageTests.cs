using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Directives;

public sealed class EditorPageTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invalid_input_shows_Vietnamese_errors_and_keeps_everything_typed()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var response = await client.SubmitFormAsync("/Directives/Edit", new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "CV",
            ["Input.Subject"] = new string('x', 1001),
            ["Input.Preamble"] = "Trước tình hình dịch Covid-19 diễn biến phức tạp",
            ["Input.Tasks[0].Text"] = "Tăng cường tuyên truyền",
            ["Input.Tasks[0].Deadline"] = "2026-12-04",
            ["Input.Tasks[1].Text"] = "",
            ["Input.Signer.Name"] = "Đàm Công Lợi",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var text = page.Body!.TextContent;
        // The message says how long the text is; the field is outlined and marked invalid for screen readers.
        Assert.Contains("Không được dài quá 1000 ký tự (đang có 1001 ký tự).", text, StringComparison.Ordinal);
        var subject = page.QuerySelector("#Input_Subject")!;
        Assert.Contains("input-validation-error", subject.ClassName, StringComparison.Ordinal);
        Assert.Equal("true", subject.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("#Input_Preamble")!.GetAttribute("aria-invalid"));
        Assert.Equal("Trước tình hình dịch Covid-19 diễn biến phức tạp", ((IHtmlTextAreaElement)page.QuerySelector("#Input_Preamble")!).Value);
        Assert.Equal("Tăng cường tuyên truyền", ((IHtmlTextAreaElement)page.QuerySelector("#Input_Tasks_0__Text")!).Value);
        Assert.Equal("04/12/2026", ((IHtmlInputElement)page.QuerySelector("#Input_Tasks_0__Deadline")!).Value);
        Assert.Equal("Đàm Công Lợi", ((IHtmlInputElement)page.QuerySelector("#Input_Signer_Name")!).Value);
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Preamble!.StartsWith("Trước tình hình dịch Covid-19 diễn biến phức tạp"), Cancel)));
    }

    [Fact]
    public async Task A_new_draft_of_a_unit_with_no_earlier_directive_is_filed_at_its_office()
    {
        app.Require();
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.IssuerId == ngocLiep, Cancel)));
        await app.CreateUserAsync("clerk.ngoclieep@demo.local", "HN-QO-NL", DirectiveHub.Users.Roles.Clerk);
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync("clerk.ngoclieep@demo.local");

        var page = await client.GetDocumentAsync("/Directives/Edit");

        // "Lưu: VPĐU": the committee's office keeps the file copy (DOMAIN.md: Văn phòng + the committee's code).
        Assert.Equal("VPĐU", ((IHtmlInputElement)page.QuerySelector("#dist-text-0")!).Value);
        Assert.Equal("Lưu", ((IHtmlInputElement)page.QuerySelector("#dist-purpose-0")!).Value);
    }

    [Fact]
    public async Task A_half_written_draft_is_saved_and_publishing_it_is_refused_with_a_message_per_missing_field()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var response = await client.SubmitFormAsync("/Directives/Edit", new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "CV",
            ["Input.Subject"] = "",
            ["Input.Preamble"] = "Dự thảo viết dở: phần mở đầu",
            ["Input.Tasks[0].Text"] = "",
            ["Input.Tasks[0].Deadline"] = "2026-12-04",
            ["Input.Signer.Name"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var saved = await app.QueryAsync(db => db.Directives.Include(d => d.Tasks).SingleAsync(d => d.Id == id, Cancel));
        Assert.Equal(string.Empty, saved.Subject);
        Assert.Equal(new DateOnly(2026, 12, 4), Assert.Single(saved.Tasks).Deadline);

        var publish = await client.GetDocumentAsync($"/Directives/Publish/{id}");
        var problems = publish.QuerySelector("[data-testid=publish-problems]")!.TextContent;
        Assert.Contains("Chưa có trích yếu.", problems, StringComparison.Ordinal);
        Assert.Contains("Chưa chọn đơn vị nhận trong hệ thống", problems, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 1 chưa có nội dung.", problems, StringComparison.Ordinal);
        Assert.Contains("Chưa có họ tên người ký.", problems, StringComparison.Ordinal);

        var posted = await client.SubmitFormAsync($"/Directives/Publish/{id}", new Dictionary<string, string> { ["ConfirmPastDeadlines"] = "true" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Chưa có trích yếu.", (await PageClient.ParseAsync(posted)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.QueryAsync(db => db.Directives.Where(d => d.Id == id).Select(d => d.Number).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Adding_a_task_without_scripts_saves_the_draft_and_redirects_back_to_the_editor()
    {
        app.Require();
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var response = await client.SubmitFormAsync(
            "/Directives/Edit",
            new Dictionary<string, string>
            {
                ["Input.Subject"] = "Về công tác chuẩn bị Đại hội",
                ["Input.Tasks[0].Text"] = "Nhiệm vụ thứ nhất",
            },
            postTo: "/Directives/Edit?handler=AddTask");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/Directives/Edit/[0-9a-f-]+\?add=task#task-1$", location);
        var page = await client.GetDocumentAsync(location.Split('#')[0]);
        Assert.Equal("Về công tác chuẩn bị Đại hội", ((IHtmlTextAreaElement)page.QuerySelector("#Input_Subject")!).Value);
        Assert.Equal("Nhiệm vụ thứ nhất", ((IHtmlTextAreaElement)page.QuerySelector("#Input_Tasks_0__Text")!).Value);
        Assert.NotNull(page.QuerySelector("#Input_Tasks_1__Text"));
    }

    [Fact]
    public async Task The_second_of_two_clerks_saving_one_draft_gets_a_conflict_and_keeps_their_text()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var first = app.Factory.CreateBrowserLikeClient();
        var second = app.Factory.CreateBrowserLikeClient();
        await first.SignInOrFailAsync(DemoAccounts.Clerk);
        await second.SignInOrFailAsync(DemoAccounts.Clerk);
        var created = await first.SubmitFormAsync("/Directives/Edit", Draft(saiSon, "Bản đầu"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        // Both open the draft at the same version; the first saves, then the second.
        var firstPage = await first.GetDocumentAsync($"/Directives/Edit/{id}");
        var secondPage = await second.GetDocumentAsync($"/Directives/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditor(first, id, firstPage, Draft(saiSon, "Bản của người thứ nhất"))).StatusCode);
        var conflict = await PostEditor(second, id, secondPage, Draft(saiSon, "Bản của người thứ hai"));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await PageClient.ParseAsync(conflict);
        Assert.Contains("vừa được người khác lưu", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trích yếu", page.QuerySelector(".alert-warning[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ hai", ((IHtmlTextAreaElement)page.QuerySelector("#Input_Subject")!).Value);
        Assert.Equal("Bản của người thứ nhất", await app.QueryAsync(db => db.Directives.Where(d => d.Id == Guid.Parse(id)).Select(d => d.Subject).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task Publishing_from_the_page_numbers_the_draft_and_the_DOCX_carries_the_number_and_tasks()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var created = await client.SubmitFormAsync("/Directives/Edit", Draft(saiSon, "tăng cường kiểm tra, giám sát"));
        var details = created.Headers.Location!.OriginalString;

        var published = await client.SubmitFormAsync(details.Replace("/Details/", "/Publish/", StringComparison.Ordinal), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var id = Guid.Parse(details.Split('/').Last());
        var number = await app.QueryAsync(db => db.Directives.Where(d => d.Id == id).Select(d => d.Number).SingleAsync(Cancel));
        Assert.Matches(@"^\d{2,}-CV/HU$", number);

        var print = await client.GetDocumentAsync($"/Directives/Print/{id}");
        Assert.Equal($"Số {number}", print.QuerySelector(".number")!.TextContent.Trim());
        Assert.Equal("ngày 20 tháng 11 năm 2026", print.QuerySelector(".date-line")!.TextContent.Trim().Split(", ").Last());
        Assert.Equal("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", print.QuerySelector(".parent-body")!.TextContent.Trim());
        Assert.Equal("V/v tăng cường kiểm tra, giám sát", print.QuerySelector(".subject-cv")!.TextContent.Trim());

        var docx = await client.GetAsync(new Uri($"/Directives/Print/{id}?handler=Docx", UriKind.Relative), Cancel);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        await using var stream = await docx.Content.ReadAsStreamAsync(Cancel);
        using var word = WordprocessingDocument.Open(stream, false);
        var text = string.Join('\n', word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains($"Số {number}", text, StringComparison.Ordinal);
        // The task as written: its deadline is tracked, not appended to the printed text.
        Assert.Contains("1. Tổ chức tuyên truyền sâu rộng", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(hoàn thành trước ngày", text, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Quốc Oai, ngày 20 tháng 11 năm 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_picked_from_the_tree_prints_by_its_name_and_typed_paragraphs_stay_paragraphs_on_the_details_page_and_print_view()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);
        var fields = Draft(saiSon, "giữ đoạn văn");
        fields["Input.Preamble"] = "Đoạn mở đầu thứ nhất.\r\nĐoạn mở đầu thứ hai.";
        fields["Input.Tasks[0].Text"] = "Ý thứ nhất.\nÝ thứ hai.";
        fields["Input.Closing"] = "Đề nghị thực hiện.\nBáo cáo về Văn phòng Huyện ủy.";
        var id = (await client.SubmitFormAsync("/Directives/Edit", fields)).Headers.Location!.OriginalString.Split('/').Last();

        var details = await client.GetDocumentAsync($"/Directives/Details/{id}");
        var shown = details.QuerySelectorAll("p.directive-paragraph").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["Đoạn mở đầu thứ nhất.", "Đoạn mở đầu thứ hai.", "Ý thứ hai.", "Đề nghị thực hiện.", "Báo cáo về Văn phòng Huyện ủy."], shown);

        var print = await client.GetDocumentAsync($"/Directives/Print/{id}");
        Assert.Equal("Kính gửi: Đảng ủy xã Sài Sơn", string.Join(' ', print.QuerySelector(".recipients")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        var body = print.QuerySelectorAll(".body-text").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["Đoạn mở đầu thứ nhất.", "Đoạn mở đầu thứ hai.", "1. Ý thứ nhất.", "Ý thứ hai.", "Đề nghị thực hiện.", "Báo cáo về Văn phòng Huyện ủy."], body);
        // The last paragraph, "Nơi nhận" and the signature are one block that does not break across pages.
        var closing = print.QuerySelector(".closing-block")!;
        Assert.NotNull(closing.QuerySelector(".footer .distribution"));
        Assert.Equal("Báo cáo về Văn phòng Huyện ủy.", closing.QuerySelector(".body-text")!.TextContent.Trim());
    }

    [Fact]
    public async Task Only_the_issuers_clerk_may_open_the_publish_confirmation_and_a_drafts_DOCX_is_named_as_a_draft()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var clerk = app.Factory.CreateBrowserLikeClient();
        await clerk.SignInOrFailAsync(DemoAccounts.Clerk);
        var id = (await clerk.SubmitFormAsync("/Directives/Edit", Draft(saiSon, "dự thảo chờ ban hành"))).Headers.Location!.OriginalString.Split('/').Last();

        var docx = await clerk.GetAsync(new Uri($"/Directives/Print/{id}?handler=Docx", UriKind.Relative), Cancel);
        Assert.StartsWith("du-thao-", docx.Content.Headers.ContentDisposition?.FileNameStar ?? docx.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);

        var leader = app.Factory.CreateBrowserLikeClient();
        await leader.SignInOrFailAsync(DemoAccounts.Leader);
        var response = await leader.GetAsync(new Uri($"/Directives/Publish/{id}", UriKind.Relative), Cancel);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var other = app.Factory.CreateBrowserLikeClient();
        await other.SignInOrFailAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/Directives/Publish/{id}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_clerk_of_another_branch_gets_404_on_the_editor_print_and_DOCX_of_a_draft()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var owner = app.Factory.CreateBrowserLikeClient();
        await owner.SignInOrFailAsync(DemoAccounts.Clerk);
        var id = (await owner.SubmitFormAsync("/Directives/Edit", Draft(saiSon, "dự thảo riêng"))).Headers.Location!.OriginalString.Split('/').Last();
        var other = app.Factory.CreateBrowserLikeClient();
        await other.SignInOrFailAsync("clerk.concuong@demo.local");

        foreach (var url in new[] { $"/Directives/Edit/{id}", $"/Directives/Details/{id}", $"/Directives/Print/{id}", $"/Directives/Print/{id}?handler=Docx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(url, UriKind.Relative), Cancel)).StatusCode);
        }
    }

    [Fact]
    public async Task An_amendment_cites_the_directive_it_amends_which_stays_in_force_and_lists_it()
    {
        app.Require();
        var original = await app.DirectiveAsync("114-CV/HU");
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var editor = await client.SubmitFormAsync($"/Directives/Details/{original}", new Dictionary<string, string>(), "form[action*='handler=Amend']");
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        var amendment = Guid.Parse(editor.Headers.Location!.OriginalString.Split('/').Last());
        var page = await client.GetDocumentAsync($"/Directives/Edit/{amendment}");
        Assert.Equal("114-CV/HU", ((IHtmlInputElement)page.QuerySelector("#ref-0")!).Value);
        Assert.NotNull(page.QuerySelector("datalist#citable option[value='114-CV/HU']"));

        // The amendment keeps the 2021 deadlines of the original: publishing it asks to confirm them.
        var unconfirmed = await client.SubmitFormAsync($"/Directives/Publish/{amendment}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal(DirectiveHub.Directives.DirectiveStatus.Draft, await app.QueryAsync(db => db.Directives.Where(d => d.Id == amendment).Select(d => d.Status).SingleAsync(Cancel)));
        var published = await client.SubmitFormAsync($"/Directives/Publish/{amendment}", new Dictionary<string, string> { ["ConfirmPastDeadlines"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(DirectiveHub.Directives.DirectiveStatus.Published, await app.QueryAsync(db => db.Directives.Where(d => d.Id == original).Select(d => d.Status).SingleAsync(Cancel)));
        var links = await client.GetDocumentAsync($"/Directives/Details/{original}");
        var number = await app.QueryAsync(db => db.Directives.Where(d => d.Id == amendment).Select(d => d.Number).SingleAsync(Cancel));
        Assert.Contains(number!, links.QuerySelector("#links-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Draft(Guid recipient, string subject) => new()
    {
        ["Input.DocumentType"] = "CV",
        ["Input.Subject"] = subject,
        ["Input.RecipientOrganizationIds"] = recipient.ToString(),
        ["Input.Tasks[0].Text"] = "Tổ chức tuyên truyền sâu rộng",
        ["Input.Tasks[0].Deadline"] = "2026-12-04",
        ["Input.Tasks[0].LeadOrganizationId"] = recipient.ToString(),
        ["Input.Signer.Authority"] = "T/M",
        ["Input.Signer.Body"] = "BAN THƯỜNG VỤ",
        ["Input.Signer.Position"] = "PHÓ BÍ THƯ",
        ["Input.Signer.Name"] = "Đàm Công Lợi",
    };

    private static async Task<HttpResponseMessage> PostEditor(HttpClient client, string id, AngleSharp.Dom.IDocument page, Dictionary<string, string> fields)
    {
        var values = page.QuerySelectorAll<IHtmlInputElement>("main form input[type=hidden]").Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return await client.PostAsync(new Uri($"/Directives/Edit/{id}?handler=Save", UriKind.Relative), new FormUrlEncodedContent(values), Cancel);
    }
}

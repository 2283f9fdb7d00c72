using System.Net;
using AngleSharp.Html.Dom;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Calendar;

/// <summary>The editor's choice between a date and a span after receipt, and how the document writes the span.</summary>
public sealed class TaskDeadlineEditorTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_span_after_receipt_chosen_in_the_editor_is_saved_without_the_date_and_printed_as_the_document_says()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var created = await client.SubmitFormAsync("/Directives/Edit", Draft(saiSon, "rà soát đảng viên", new()
        {
            ["Input.Tasks[0].DeadlineKind"] = "AfterReceipt",
            ["Input.Tasks[0].Deadline"] = "2026-12-04",
            ["Input.Tasks[0].DeadlineAfterReceipt.Days"] = "10",
            ["Input.Tasks[0].DeadlineAfterReceipt.WorkingDays"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var task = await app.QueryAsync(db => db.DirectiveTasks.Where(t => t.DirectiveId == id).Select(t => new { t.Deadline, t.DaysAfterReceipt, t.CountsWorkingDays }).SingleAsync(Cancel));
        Assert.Equal((null, 10, true), (task.Deadline, task.DaysAfterReceipt, task.CountsWorkingDays));

        var editor = await client.GetDocumentAsync($"/Directives/Edit/{id}");
        Assert.True(((IHtmlInputElement)editor.QuerySelector("#Input_Tasks_0__DeadlineKind_AfterReceipt")!).IsChecked);
        Assert.Equal("10", ((IHtmlInputElement)editor.QuerySelector("#Input_Tasks_0__DeadlineAfterReceipt_Days")!).Value);

        var print = await client.GetDocumentAsync($"/Directives/Print/{id}");
        Assert.Contains("Tổ chức tuyên truyền sâu rộng (hoàn thành trong 10 ngày làm việc kể từ ngày nhận văn bản)", print.Body!.TextContent, StringComparison.Ordinal);
        var docx = await client.GetAsync(new Uri($"/Directives/Print/{id}?handler=Docx", UriKind.Relative), Cancel);
        await using var stream = await docx.Content.ReadAsStreamAsync(Cancel);
        using var word = WordprocessingDocument.Open(stream, false);
        var text = string.Join('\n', word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("1. Tổ chức tuyên truyền sâu rộng (hoàn thành trong 10 ngày làm việc kể từ ngày nhận văn bản)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_span_out_of_bounds_gets_a_Vietnamese_error_and_the_input_is_kept()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var client = app.Factory.CreateBrowserLikeClient();
        await client.SignInOrFailAsync(DemoAccounts.Clerk);

        var response = await client.SubmitFormAsync("/Directives/Edit", Draft(saiSon, "khoảng ngày sai", new()
        {
            ["Input.Tasks[0].DeadlineKind"] = "AfterReceipt",
            ["Input.Tasks[0].DeadlineAfterReceipt.Days"] = "400",
            ["Input.Tasks[0].DeadlineAfterReceipt.WorkingDays"] = "false",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Số ngày phải từ 1 đến 365.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("400", ((IHtmlInputElement)page.QuerySelector("#Input_Tasks_0__DeadlineAfterReceipt_Days")!).Value);
        Assert.Equal("false", ((IHtmlSelectElement)page.QuerySelector("#Input_Tasks_0__DeadlineAfterReceipt_WorkingDays")!).Value);
        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Subject == "khoảng ngày sai", Cancel)));
    }

    private static Dictionary<string, string> Draft(Guid recipient, string subject, Dictionary<string, string> deadline)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.DocumentType"] = "CV",
            ["Input.Subject"] = subject,
            ["Input.RecipientOrganizationIds"] = recipient.ToString(),
            ["Input.Tasks[0].Text"] = "Tổ chức tuyên truyền sâu rộng",
            ["Input.Tasks[0].LeadOrganizationId"] = recipient.ToString(),
            ["Input.Signer.Authority"] = "T/M",
            ["Input.Signer.Body"] = "BAN THƯỜNG VỤ",
            ["Input.Signer.Position"] = "PHÓ BÍ THƯ",
            ["Input.Signer.Name"] = "Đàm Công Lợi",
        };
        foreach (var (key, value) in deadline)
        {
            fields[key] = value;
        }

        return fields;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Inbox;

public sealed class EvidenceAndUnitInboxTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_report_carries_evidence_that_the_unit_and_the_issuer_may_download_and_a_sibling_may_not()
    {
        app.Require();
        var directive = await app.DirectiveAsync("114-CV/HU");
        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var page = await officer.SubmitFormAsync($"/Inbox/Directive/{directive}", new Dictionary<string, string>(), "form[action*='handler=Acknowledge']");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        var document = await officer.GetDocumentAsync($"/Inbox/Directive/{directive}");
        var form = document.QuerySelector("form[action*='handler=Report']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("input[name='Report.TaskAssignmentId']")!.GetAttribute("value")!), "Report.TaskAssignmentId" },
            { new StringContent("InProgress"), "Report.Status" },
            { new StringContent("Đã họp triển khai."), "Report.Note" },
        };
        var pdf = new ByteArrayContent("%PDF-1.4\nbien ban hop\n%%EOF"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(pdf, "evidence", "bien-ban.pdf");
        var posted = await officer.PostAsync(new Uri($"/Inbox/Directive/{directive}?handler=Report", UriKind.Relative), content, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // The class's other tests add evidence of their own: this one is known by its name.
        var evidence = await app.QueryAsync(db => db.ReportEvidence.SingleAsync(e => e.FileName == "bien-ban.pdf", Cancel));
        Assert.Equal(("bien-ban.pdf", "application/pdf"), (evidence.FileName, evidence.ContentType));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/Inbox/Evidence/{evidence.Id}", UriKind.Relative), Cancel)).StatusCode);

        var clerk = app.Factory.CreateBrowserLikeClient();
        await clerk.SignInOrFailAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(new Uri($"/Inbox/Evidence/{evidence.Id}", UriKind.Relative), Cancel)).StatusCode);

        var sibling = app.Factory.CreateBrowserLikeClient();
        await sibling.SignInOrFailAsync("officer.phuongcach@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync(new Uri($"/Inbox/Evidence/{evidence.Id}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_lead_unit_reads_its_coordinators_reports_and_evidence_beside_its_own_and_an_outsider_cannot()
    {
        app.Require();
        var (directive, _, coordinatorTask) = await app.PublishAsync("2026-12-10", "Rà soát hộ nghèo");

        // Before the coordinator reports, the lead sees that it has not.
        var lead = app.Factory.CreateBrowserLikeClient();
        await lead.SignInOrFailAsync(DemoAccounts.Officer);
        var before = await lead.GetDocumentAsync($"/Inbox/Directive/{directive}");
        Assert.Contains("chưa báo cáo", before.QuerySelector("[data-testid=coordinator-results]")!.TextContent, StringComparison.Ordinal);

        var coordinator = await app.Factory.ApiClientAsync("officer.phuongcach@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(new Uri($"/api/directives/{directive}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        using var form = new MultipartFormDataContent { { new StringContent("InProgress"), "status" }, { new StringContent("Đã rà soát 3 thôn."), "note" } };
        var pdf = new ByteArrayContent("%PDF-1.4\ndanh sach ho ngheo\n%%EOF"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "evidence", "danh-sach.pdf");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(new Uri($"/api/task-assignments/{coordinatorTask}/reports", UriKind.Relative), form, Cancel)).StatusCode);

        var page = await lead.GetDocumentAsync($"/Inbox/Directive/{directive}");
        var results = page.QuerySelector("[data-testid=coordinator-results]")!;
        Assert.Contains("ĐẢNG ỦY XÃ PHƯỢNG CÁCH — Đang thực hiện", results.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã rà soát 3 thôn.", results.TextContent, StringComparison.Ordinal);
        var link = results.QuerySelector("a")!;
        Assert.Equal("danh-sach.pdf", link.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), Cancel)).StatusCode);

        // The coordinator's own page lists no coordinators; a unit outside the task cannot open the file.
        var mine = app.Factory.CreateBrowserLikeClient();
        await mine.SignInOrFailAsync("officer.phuongcach@demo.local");
        Assert.Null((await mine.GetDocumentAsync($"/Inbox/Directive/{directive}")).QuerySelector("[data-testid=coordinator-results]"));
        var outsider = app.Factory.CreateBrowserLikeClient();
        await outsider.SignInOrFailAsync("officer.ttquocoai@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_committee_follows_the_inbox_of_a_unit_beneath_it_but_nobody_else_can()
    {
        app.Require();
        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);

        var inbox = await clerk.GetFromJsonAsync<JsonElement>($"/api/inbox?organizationId={saiSon}", Cancel);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == "114-CV/HU");

        var sibling = await app.Factory.ApiClientAsync("officer.phuongcach@demo.local");
        var otherBranch = await app.Factory.ApiClientAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await sibling.GetAsync(new Uri($"/api/inbox?organizationId={saiSon}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.GetAsync(new Uri($"/api/inbox?organizationId={saiSon}", UriKind.Relative), Cancel)).StatusCode);

        var pageClient = app.Factory.CreateBrowserLikeClient();
        await pageClient.SignInOrFailAsync(DemoAccounts.Leader);
        var page = await pageClient.GetDocumentAsync($"/Inbox?unit={saiSon}");
        Assert.Contains("Văn bản đến của ĐẢNG ỦY XÃ SÀI SƠN", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var otherPage = app.Factory.CreateBrowserLikeClient();
        await otherPage.SignInOrFailAsync("clerk.concuong@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await otherPage.GetAsync(new Uri($"/Inbox?unit={saiSon}", UriKind.Relative), Cancel)).StatusCode);
    }
}

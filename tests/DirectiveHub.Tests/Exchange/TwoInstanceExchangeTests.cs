using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DirectiveHub.Data;
using DirectiveHub.Exchange;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Exchange;

/// <summary>
/// Two instances on two PostgreSQL databases: the district's (the issuer, A) and another one holding the communes
/// (the receiver, B). A package goes from A to B over HTTP with B's peer key, B's units acknowledge and report, and
/// their statuses come back to A's tracking through B's outbox, each once however often they are delivered.
/// </summary>
public sealed class TwoInstanceExchangeTests
{
    private const string KeyOfA = "a-key-0123456789abcdef";
    private const string KeyOfB = "b-key-fedcba9876543210";
    private const string IssuerCode = "000.00.01.QO";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_directive_goes_to_another_instance_once_and_its_statuses_come_back_once()
    {
        TestEnvironment.RequirePostgres();
        await using var issuerDb = await PostgresDatabase.CreateAsync();
        await using var receiverDb = await PostgresDatabase.CreateAsync();
        var inbound = Directory.CreateTempSubdirectory("dh-exchange-in-").FullName;
        await using var issuer = new DirectiveHubFactory(DatabaseProvider.Postgres, issuerDb.ConnectionString, new Dictionary<string, string?>
        {
            ["Exchange:SystemCode"] = "SYS-A",
            ["Exchange:WorkerEnabled"] = "false",
            ["Exchange:Peers:0:Code"] = "SYS-B",
            ["Exchange:Peers:0:Key"] = KeyOfB,
        });
        _ = issuer.Server;
        await using var receiver = new DirectiveHubFactory(
            DatabaseProvider.Postgres,
            receiverDb.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Exchange:SystemCode"] = "SYS-B",
                ["Exchange:WorkerEnabled"] = "false",
                ["Exchange:InboundFolder"] = inbound,
                ["Exchange:Peers:0:Code"] = "SYS-A",
                ["Exchange:Peers:0:Key"] = KeyOfA,
                ["Exchange:Peers:0:Url"] = "http://issuer.test/",
                ["Exchange:Peers:0:OutboundKey"] = KeyOfB,
                ["Exchange:Peers:0:Units:0"] = IssuerCode,
            },
            configureServices: services => services.AddHttpClient(HttpExchangeSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => issuer.Server.CreateHandler()));
        _ = receiver.Server;

        // A's administrator gives the district the code the axis assigned; B has no unit under it.
        var district = await QueryAsync(issuerDb, db => db.Users.Where(u => u.Email == DemoAccounts.Clerk).Select(u => u.OrganizationId).SingleAsync(Cancel));
        var admin = await issuer.ApiClientAsync(DemoAccounts.Admin);
        var badCode = await admin.PutAsJsonAsync($"/api/organizations/{district}/exchange-code", new { exchangeCode = "<x>" }, Cancel);
        await AssertFieldAsync(badCode, HttpStatusCode.BadRequest, "exchangeCode");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/organizations/{district}/exchange-code", new { exchangeCode = IssuerCode }, Cancel)).StatusCode);

        var clerk = await issuer.ApiClientAsync(DemoAccounts.Clerk);
        var directive = await PublishAsync(issuer, issuerDb, clerk, "kiểm tra liên thông");
        var package = await clerk.GetAsync(new Uri($"/api/directives/{directive}/package", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, package.StatusCode);
        var xml = await package.Content.ReadAsByteArrayAsync(Cancel);
        var envelope = XDocument.Parse(Encoding.UTF8.GetString(xml));
        Assert.Equal(IssuerCode, envelope.Descendants(EdXml.Ed + "From").Single().Element(EdXml.Ed + "OrganId")!.Value);
        Assert.Contains(envelope.Descendants(EdXml.Ed + "To"), t => t.Element(EdXml.Ed + "OrganId")!.Value == "HN-QO-SS");
        Assert.Equal("RecordCopy", envelope.Descendants(EdXml.Ed + "Reference").First().Element(EdXml.Ed + "Description")!.Value);

        // Only the issuer's clerk exports: an officer is refused, another district's clerk does not see it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await issuer.ApiClientAsync(DemoAccounts.Officer)).GetAsync(new Uri($"/api/directives/{directive}/package", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await issuer.ApiClientAsync("clerk.concuong@demo.local")).GetAsync(new Uri($"/api/directives/{directive}/package", UriKind.Relative), Cancel)).StatusCode);

        // A peer with a wrong key, an unknown peer and no credentials at all: 401, nothing imported.
        using var anonymous = receiver.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Post("/api/exchange/packages", xml, "SYS-A", "wrong"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Post("/api/exchange/packages", xml, "SYS-X", KeyOfA), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Post("/api/exchange/packages", xml, null, null), Cancel)).StatusCode);

        // Delivered twice: one directive.
        var first = await anonymous.SendAsync(Post("/api/exchange/packages", xml, "SYS-A", KeyOfA), Cancel);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var imported = await first.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var received = imported.GetProperty("directiveId").GetGuid();
        Assert.Contains("chữ ký", imported.GetProperty("signatures").GetString(), StringComparison.Ordinal);
        var second = await anonymous.SendAsync(Post("/api/exchange/packages", xml, "SYS-A", KeyOfA), Cancel);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(received, (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("directiveId").GetGuid());
        var number = imported.GetProperty("number").GetString();
        Assert.Equal(1, await QueryAsync(receiverDb, db => db.Directives.CountAsync(d => d.Number == number && d.Issuer!.ExchangeCode == IssuerCode, Cancel)));
        Assert.Equal(await QueryAsync(issuerDb, db => db.Directives.Where(d => d.Id == directive).Select(d => d.Number).SingleAsync(Cancel)), number);
        Assert.True(await QueryAsync(receiverDb, db => db.Directives.Where(d => d.Id == received).SelectMany(d => d.Attachments).AnyAsync(a => a.ContentType == "application/pdf", Cancel)));

        // Another document under the same issuer, number and date: refused; a file changed on the way: refused.
        var other = XDocument.Parse(Encoding.UTF8.GetString(xml));
        other.Descendants(EdXml.Ed + "DocumentId").Single().Value = Guid.NewGuid().ToString();
        await AssertFieldAsync(await anonymous.SendAsync(Post("/api/exchange/packages", Bytes(other), "SYS-A", KeyOfA), Cancel), HttpStatusCode.Conflict, "Code");
        var tampered = XDocument.Parse(Encoding.UTF8.GetString(xml));
        tampered.Descendants(EdXml.Ed + "DocumentId").Single().Value = Guid.NewGuid().ToString();
        tampered.Descendants(EdXml.Ed + "CodeNumber").Single().Value = "999";
        var pdf = tampered.Descendants(EdXml.Ed + "Attachment").First();
        var bytes = Convert.FromBase64String(pdf.Value);
        bytes[^10] ^= 0x01;
        pdf.Value = Convert.ToBase64String(bytes);
        await AssertFieldAsync(await anonymous.SendAsync(Post("/api/exchange/packages", Bytes(tampered), "SYS-A", KeyOfA), Cancel), HttpStatusCode.BadRequest, "edXMLManifest.Reference[0].Sha256");
        Assert.Equal(1, await QueryAsync(receiverDb, db => db.ReceivedPackages.CountAsync(Cancel)));

        // B's unit acknowledges and starts work; B reports 01, 03 and 05 to A through its outbox.
        var officer = await receiver.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/directives/{received}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        var saiSon = await QueryAsync(receiverDb, db => db.Organizations.Where(o => o.Code == "HN-QO-SS").Select(o => o.Id).SingleAsync(Cancel));
        var lead = await QueryAsync(receiverDb, db => db.TaskAssignments.Where(t => t.DirectiveId == received && t.OrganizationId == saiSon).Select(t => t.Id).SingleAsync(Cancel));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "InProgress", note = "Đang kiểm tra" }, Cancel)).StatusCode);
        await RunExchangeAsync(receiver);
        await RunExchangeAsync(receiver);
        var outgoing = await QueryAsync(receiverDb, db => db.OutgoingStatuses.Where(s => s.OrganizationId == saiSon).OrderBy(s => s.CreatedAt).ThenBy(s => s.StatusCode).ToListAsync(Cancel));
        Assert.Equal(["01", "03", "05"], outgoing.Select(s => s.StatusCode).Order(StringComparer.Ordinal));
        Assert.All(outgoing, s => Assert.NotNull(s.SentAt));
        var statuses = await QueryAsync(issuerDb, db => db.ReceivedStatuses.Where(s => s.DirectiveId == directive && s.UnitCode == "HN-QO-SS").Select(s => s.StatusCode).ToListAsync(Cancel));
        Assert.Equal(["01", "03", "05"], statuses.Order(StringComparer.Ordinal));

        // The same status delivered again (a retry after a lost answer): recorded once.
        using var toIssuer = issuer.CreateClient();
        var again = await toIssuer.SendAsync(Post("/api/exchange/statuses", outgoing[^1].Body, "SYS-B", KeyOfB), Cancel);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("recorded").GetBoolean());
        Assert.Equal(3, await QueryAsync(issuerDb, db => db.ReceivedStatuses.CountAsync(s => s.DirectiveId == directive && s.UnitCode == "HN-QO-SS", Cancel)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await toIssuer.SendAsync(Post("/api/exchange/statuses", outgoing[^1].Body, "SYS-B", KeyOfA), Cancel)).StatusCode);

        // A's tracking page shows them beside the unit.
        using var page = issuer.CreateBrowserLikeClient();
        await page.SignInOrFailAsync(DemoAccounts.Clerk);
        var tracking = await page.GetStringAsync(new Uri($"/Tracking/{directive}", UriKind.Relative), Cancel);
        Assert.Contains("Trạng thái liên thông", tracking, StringComparison.Ordinal);
        foreach (var text in new[] { "Đã đến", "Đã tiếp nhận", "Đang xử lý" })
        {
            Assert.Contains(text, tracking, StringComparison.Ordinal);
        }

        // B's unit sees the automatic signature check of the record copy beside the directive.
        using var inbox = receiver.CreateBrowserLikeClient();
        await inbox.SignInOrFailAsync(DemoAccounts.Officer);
        Assert.Contains("Chữ ký số của bản gốc điện tử", await inbox.GetStringAsync(new Uri($"/Inbox/Directive/{received}", UriKind.Relative), Cancel), StringComparison.Ordinal);

        // The folder drop: a second directive's package is imported and moved aside; a broken file goes to failed/.
        var dropped = await PublishAsync(issuer, issuerDb, clerk, "thả thư mục");
        var droppedXml = await clerk.GetByteArrayAsync(new Uri($"/api/directives/{dropped}/package", UriKind.Relative), Cancel);
        await File.WriteAllBytesAsync(Path.Combine(inbound, "goi-1.xml"), droppedXml, Cancel);
        await File.WriteAllTextAsync(Path.Combine(inbound, "hong.xml"), "<edXML:edXMLEnvelope", Cancel);
        await using (var scope = receiver.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ExchangeFolder>().ProcessAsync(10, Cancel));
        }

        Assert.Empty(Directory.EnumerateFiles(inbound, "*.xml"));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(inbound, "processed"), "goi-1.*.xml"));
        Assert.Contains("XML", await File.ReadAllTextAsync(Directory.EnumerateFiles(Path.Combine(inbound, "failed"), "hong.*.txt").Single(), Cancel), StringComparison.Ordinal);
        Assert.Equal(2, await QueryAsync(receiverDb, db => db.ReceivedPackages.CountAsync(Cancel)));

        // Its arrival goes back to A over HTTP too: the folder package's issuer is carried by peer SYS-A.
        await RunExchangeAsync(receiver);
        Assert.True(await QueryAsync(issuerDb, db => db.ReceivedStatuses.AnyAsync(s => s.DirectiveId == dropped && s.StatusCode == "01", Cancel)));
        Directory.Delete(inbound, recursive: true);
    }

    private static async Task RunExchangeAsync(DirectiveHubFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatusEmitter>().RunAsync(Cancel);
        await scope.ServiceProvider.GetRequiredService<StatusDrain>().RunAsync(50, Cancel);
    }

    /// <summary>A directive of Quốc Oai with one task that Sài Sơn (the demo officer's unit) leads.</summary>
    private static async Task<Guid> PublishAsync(DirectiveHubFactory app, PostgresDatabase database, HttpClient clerk, string subject)
    {
        var saiSon = await QueryAsync(database, db => db.Organizations.Where(o => o.Code == "HN-QO-SS").Select(o => o.Id).SingleAsync(Cancel));
        var phuongCach = await QueryAsync(database, db => db.Organizations.Where(o => o.Code == "HN-QO-PC").Select(o => o.Id).SingleAsync(Cancel));
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = $"{subject} {Guid.NewGuid():N}",
            recipientOrganizationIds = new[] { saiSon, phuongCach },
            tasks = new object[] { new { text = "Báo cáo kết quả kiểm tra", deadline = "2026-12-05", leadOrganizationId = saiSon, coordinatingOrganizationIds = new[] { phuongCach }, subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel)).StatusCode);
        _ = app;
        return id;
    }

    private static HttpRequestMessage Post(string path, byte[] body, string? peer, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        if (peer is not null)
        {
            request.Headers.Add(ExchangePeerAuthentication.PeerHeader, peer);
            request.Headers.Add(ExchangePeerAuthentication.KeyHeader, key);
        }

        return request;
    }

    private static byte[] Bytes(XDocument document) => Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));

    private static async Task AssertFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    private static async Task<T> QueryAsync<T>(PostgresDatabase database, Func<AppDbContext, Task<T>> query)
    {
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, database.ConnectionString);
        return await query(db);
    }
}

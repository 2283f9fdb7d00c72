using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Tests.Exchange;

/// <summary>
/// Exchange peers kept by administrators (page and API) instead of settings only: added, listed, edited and disabled;
/// the keys stored protected (a hash, an encrypted blob), never shown back in full nor written to the audit log; a
/// disabled peer's key opens nothing; other roles get 403.
/// </summary>
public sealed class PeerAdministrationTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_adds_edits_and_disables_a_peer_through_the_api_and_its_keys_never_come_back()
    {
        app.Require();
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var code = $"SYS-{tag}";
        var key = $"inbound-{tag}-0123456789";
        var outbound = $"outbound-{tag}-9876543210";
        var admin = await app.Factory.ApiClientAsync(DemoAccounts.Admin);

        // Bad input: a field-named ValidationProblem each, nothing stored.
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/admin/exchange-peers", new { code = "<x>", key }, Cancel), "code");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/admin/exchange-peers", new { code, key = "short" }, Cancel), "key");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/admin/exchange-peers", new { code, key, url = "ftp://x.test/" }, Cancel), "url");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/admin/exchange-peers", new { code, key, units = new[] { "a b" } }, Cancel), "units");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/admin/exchange-peers", new { code }, Cancel), "key");
        Assert.False(await app.QueryAsync(db => db.ExchangePeers.AnyAsync(p => p.Code == code, Cancel)));

        var created = await admin.PostAsJsonAsync("/api/admin/exchange-peers", new { code, name = "Hệ thống thử", url = "https://peer.test/", key, outboundKey = outbound, units = new[] { "HN-QO-SS" } }, Cancel);
        var body = await created.Content.ReadAsStringAsync(Cancel);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        Assert.DoesNotContain(outbound, body, StringComparison.Ordinal);
        var peer = JsonDocument.Parse(body).RootElement;
        Assert.True(peer.GetProperty("hasKey").GetBoolean());
        Assert.Equal(key[^4..], peer.GetProperty("keyHint").GetString());
        var id = peer.GetProperty("id").GetGuid();
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/admin/exchange-peers", new { code, key }, Cancel), "code");

        // Stored protected: a hash of the inbound key, the outbound key encrypted; the audit names no key.
        var stored = await app.QueryAsync(db => db.ExchangePeers.AsNoTracking().SingleAsync(p => p.Id == id, Cancel));
        Assert.Equal(64, stored.KeySha256!.Length);
        Assert.DoesNotContain(outbound, stored.OutboundKeyProtected!, StringComparison.Ordinal);
        var audit = await app.QueryAsync(db => db.AuditEvents.Where(e => e.EntityId == id.ToString()).Select(e => e.Details).ToListAsync(Cancel));
        Assert.NotEmpty(audit);
        Assert.All(audit, d => Assert.DoesNotContain(key, d!, StringComparison.Ordinal));
        Assert.All(audit, d => Assert.DoesNotContain(outbound, d!, StringComparison.Ordinal));

        var list = await admin.GetStringAsync(new Uri("/api/admin/exchange-peers", UriKind.Relative), Cancel);
        Assert.Contains(code, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);

        // In use at once: the key opens the delivery route (the body is then refused as no status, not as a stranger).
        using var anonymous = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(Deliver(code, key), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Deliver(code, key + "x"), Cancel)).StatusCode);

        // An edit with blank keys keeps them; the code cannot change; disabling shuts the door.
        var renamed = await admin.PutAsJsonAsync($"/api/admin/exchange-peers/{id}", new { code, name = "Hệ thống đã đổi tên", url = "https://peer.test/", units = new[] { "HN-QO-SS", "HN-QO-PC" } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(stored.KeySha256, await app.QueryAsync(db => db.ExchangePeers.Where(p => p.Id == id).Select(p => p.KeySha256).SingleAsync(Cancel)));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(Deliver(code, key), Cancel)).StatusCode);
        await AssertFieldAsync(await admin.PutAsJsonAsync($"/api/admin/exchange-peers/{id}", new { code = code + "X" }, Cancel), "code");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/admin/exchange-peers/{Guid.NewGuid()}", new { code }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/exchange-peers/{id}", new { code, isDisabled = true }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Deliver(code, key), Cancel)).StatusCode);

        // Only administrators.
        var clerk = await app.Factory.ApiClientAsync(DemoAccounts.Clerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/api/admin/exchange-peers", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/admin/exchange-peers", new { code = code + "C", key }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_peers_page_adds_a_peer_keeps_the_input_on_an_error_and_never_shows_a_key()
    {
        app.Require();
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var code = $"PAGE-{tag}";
        var key = $"page-key-{tag}-0123456789";
        var page = app.Factory.CreateBrowserLikeClient();
        await page.SignInOrFailAsync(DemoAccounts.Admin);

        var invalid = await page.SubmitFormAsync("/Admin/ExchangePeers", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Tỉnh bạn",
            ["Input.Url"] = "không phải địa chỉ",
            ["Input.Key"] = key,
        }, "[data-testid=exchange-peer-form]");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var redisplayed = await PageClient.ParseAsync(invalid);
        Assert.Contains("URL http(s)", redisplayed.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tỉnh bạn", redisplayed.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.DoesNotContain(key, redisplayed.Body!.InnerHtml, StringComparison.Ordinal);

        var added = await page.SubmitFormAsync("/Admin/ExchangePeers", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Tỉnh bạn",
            ["Input.Url"] = "https://tinhban.test/",
            ["Input.Key"] = key,
            ["Input.Units"] = "000.00.01.H99\n000.00.02.H99",
        }, "[data-testid=exchange-peer-form]");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var listed = await page.GetDocumentAsync("/Admin/ExchangePeers");
        var row = listed.QuerySelectorAll("[data-testid=exchange-peers] tbody tr").Single(r => r.TextContent.Contains(code, StringComparison.Ordinal));
        Assert.Contains("000.00.01.H99, 000.00.02.H99", row.TextContent, StringComparison.Ordinal);
        Assert.Contains($"…{key[^4..]}", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Body!.InnerHtml, StringComparison.Ordinal);

        // The edit form carries no key back.
        var id = await app.QueryAsync(db => db.ExchangePeers.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Cancel));
        var edit = await page.GetDocumentAsync($"/Admin/ExchangePeers?id={id}");
        Assert.Equal(string.Empty, edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Key")!.Value);
        Assert.Equal("Tỉnh bạn", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);

        var officer = app.Factory.CreateBrowserLikeClient();
        await officer.SignInOrFailAsync(DemoAccounts.Officer);
        var refused = await officer.GetAsync(new Uri("/Admin/ExchangePeers", UriKind.Relative), Cancel);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task An_administrator_of_part_of_the_tree_reads_the_peers_but_cannot_add_or_change_one()
    {
        app.Require();
        var email = $"admin.quocoai.{Guid.NewGuid().ToString("N")[..8]}@demo.local";
        await app.CreateUserAsync(email, "HN-QO", DirectiveHub.Users.Roles.Admin);
        var root = await app.Factory.ApiClientAsync(DemoAccounts.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await root.PostAsJsonAsync("/api/admin/exchange-peers", new { code = $"SYS-{tag}", name = "Tỉnh bạn", key = $"inbound-{tag}-0123456789" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var before = await app.QueryAsync(db => db.ExchangePeers.CountAsync(Cancel));

        var district = await app.Factory.ApiClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync(new Uri("/api/admin/exchange-peers", UriKind.Relative), Cancel)).StatusCode);
        var add = await district.PostAsJsonAsync("/api/admin/exchange-peers", new { code = $"SYS-{tag}X", key = $"inbound-{tag}-9999999999" }, Cancel);
        var change = await district.PutAsJsonAsync($"/api/admin/exchange-peers/{id}", new { code = $"SYS-{tag}", name = "Đổi tên", isDisabled = true }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Contains("toàn bộ hệ thống", await change.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.ExchangePeers.CountAsync(Cancel)));
        Assert.Equal("Tỉnh bạn", await app.QueryAsync(db => db.ExchangePeers.Where(p => p.Id == id).Select(p => p.Name).SingleAsync(Cancel)));

        // The page shows the list without the form, and refuses a post made without it.
        var browser = app.Factory.CreateBrowserLikeClient();
        await browser.SignInOrFailAsync(email);
        var page = await browser.GetDocumentAsync("/Admin/ExchangePeers");
        Assert.NotNull(page.QuerySelector("[data-peers-read-only]"));
        Assert.Null(page.QuerySelector("[data-testid=exchange-peer-form]"));
        Assert.Contains($"SYS-{tag}", page.QuerySelector("[data-testid=exchange-peers]")!.TextContent, StringComparison.Ordinal);
        var editing = await browser.GetAsync(new Uri($"/Admin/ExchangePeers?id={id}", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, editing.StatusCode);
        Assert.Contains("/Account/AccessDenied", editing.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var posted = await browser.SubmitFormAsync("/Admin/ExchangePeers", new Dictionary<string, string> { ["Input.Code"] = $"SYS-{tag}Y", ["Input.Key"] = $"inbound-{tag}-8888888888" }, formSelector: "form[data-dh-logout]", postTo: "/Admin/ExchangePeers");
        Assert.Contains("/Account/AccessDenied", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.ExchangePeers.CountAsync(Cancel)));
    }

    private static HttpRequestMessage Deliver(string peer, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/exchange/statuses", UriKind.Relative)) { Content = new StringContent("<nothing/>") };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        request.Headers.Add(ExchangePeerAuthentication.PeerHeader, peer);
        request.Headers.Add(ExchangePeerAuthentication.KeyHeader, key);
        return request;
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveHub.Data;
using DirectiveHub.Exchange;
using DirectiveHub.Seeding;
using DirectiveHub.Tests.Infrastructure;
using DirectiveHub.Users;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Exchange;

/// <summary>
/// Two instances with their exchange workers running on the moved clock (the timer loop itself, not a direct call),
/// on PostgreSQL and on SQLite: publishing at the district (A) queues one package per peer in the publish's
/// transaction; A's worker pushes it to the communes' instance (B) once; a peer that is down keeps its package with the
/// error and a later attempt, shown to the issuer's clerk; B's statuses, 04 (a handler named) among them, come back once.
/// </summary>
public sealed class PushOnPublishTests
{
    private const string KeyOfA = "a-key-0123456789abcdef";
    private const string KeyOfB = "b-key-fedcba9876543210";
    private const string IssuerCode = "000.00.01.QO";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_published_directive_reaches_the_peers_of_its_units_by_the_worker_and_their_statuses_come_back(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
        }

        await using var issuerDb = await TestDatabase.CreateAsync(provider);
        await using var receiverDb = await TestDatabase.CreateAsync(provider);
        DirectiveHubFactory? receiver = null;
        await using var issuer = new DirectiveHubFactory(
            provider,
            issuerDb.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Exchange:WorkerEnabled"] = "true",
                ["Exchange:SystemCode"] = "SYS-A",
                ["Exchange:Interval"] = "00:00:30",
                ["Exchange:Peers:0:Code"] = "SYS-B",
                ["Exchange:Peers:0:Name"] = "DirectiveHub các xã",
                ["Exchange:Peers:0:Key"] = KeyOfB,
                ["Exchange:Peers:0:Url"] = "http://receiver.test/",
                ["Exchange:Peers:0:OutboundKey"] = KeyOfA,
                ["Exchange:Peers:0:Units:0"] = "HN-QO-SS",
                ["Exchange:Peers:0:Units:1"] = "HN-QO-PC",
                ["Exchange:Peers:1:Code"] = "SYS-C",
                ["Exchange:Peers:1:Key"] = "c-key-0000000000000000",
                ["Exchange:Peers:1:Url"] = "http://down.test/",
                ["Exchange:Peers:1:OutboundKey"] = "c-out-0000000000000000",
                ["Exchange:Peers:1:Units:0"] = "HN-QO-NL",
            },
            configureServices: services => services.AddHttpClient(HttpExchangeSender.ClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new RouteByHost(new Dictionary<string, Func<HttpMessageHandler>> { ["receiver.test"] = () => receiver!.Server.CreateHandler() })));
        _ = issuer.Server;
        receiver = new DirectiveHubFactory(
            provider,
            receiverDb.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Exchange:WorkerEnabled"] = "true",
                ["Exchange:SystemCode"] = "SYS-B",
                ["Exchange:Interval"] = "00:00:30",
                ["Exchange:Peers:0:Code"] = "SYS-A",
                ["Exchange:Peers:0:Key"] = KeyOfA,
                ["Exchange:Peers:0:Url"] = "http://issuer.test/",
                ["Exchange:Peers:0:OutboundKey"] = KeyOfB,
                ["Exchange:Peers:0:Units:0"] = IssuerCode,
            },
            configureServices: services => services.AddHttpClient(HttpExchangeSender.ClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new RouteByHost(new Dictionary<string, Func<HttpMessageHandler>> { ["issuer.test"] = () => issuer.Server.CreateHandler() })));
        await using var receiverApp = receiver;
        _ = receiver.Server;

        var admin = await issuer.ApiClientAsync(DemoAccounts.Admin);
        var district = await issuerDb.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Clerk).Select(u => u.OrganizationId).SingleAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/organizations/{district}/exchange-code", new { exchangeCode = IssuerCode }, Cancel)).StatusCode);

        // Publishing writes the deliveries with it: one package per peer, naming the units it carries; none for a
        // unit that no peer names (Thị trấn Quốc Oai stays local).
        var clerk = await issuer.ApiClientAsync(DemoAccounts.Clerk);
        var directive = await PublishAsync(issuerDb, clerk, ["HN-QO-SS", "HN-QO-PC", "HN-QO-NL", "HN-QO-TTQO"]);
        var queued = await issuerDb.QueryAsync(db => db.OutgoingPackages.Where(p => p.DirectiveId == directive).OrderBy(p => p.PeerCode).ToListAsync(Cancel));
        Assert.Equal([("SYS-B", "HN-QO-PC, HN-QO-SS"), ("SYS-C", "HN-QO-NL")], queued.Select(p => (p.PeerCode, p.Units)));

        // A's worker, ticking on the moved clock, pushes it; B imports it once however many ticks pass.
        var documentId = directive;
        await TickUntilAsync([issuer, receiver], () => receiverDb.QueryAsync(db => db.ReceivedPackages.AnyAsync(p => p.DocumentId == documentId, Cancel)));
        await TickAsync([issuer, receiver], 3);
        Assert.Equal(1, await receiverDb.QueryAsync(db => db.ReceivedPackages.CountAsync(p => p.DocumentId == documentId, Cancel)));
        var received = await receiverDb.QueryAsync(db => db.ReceivedPackages.Where(p => p.DocumentId == documentId).Select(p => new { p.DirectiveId, p.PeerCode }).SingleAsync(Cancel));
        Assert.Equal("SYS-A", received.PeerCode);
        var delivered = await issuerDb.QueryAsync(db => db.OutgoingPackages.Where(p => p.DirectiveId == directive).OrderBy(p => p.PeerCode).ToListAsync(Cancel));
        Assert.NotNull(delivered[0].SentAt);
        Assert.Equal(0, delivered[0].Attempts);

        // The peer that is down keeps its package, with the error and a later attempt (DeliveryRetry's back-off).
        Assert.Null(delivered[1].SentAt);
        Assert.True(delivered[1].Attempts >= 1);
        Assert.Contains("503", delivered[1].LastError, StringComparison.Ordinal);
        Assert.True(delivered[1].NextAttemptAt > issuer.Clock.GetUtcNow().UtcDateTime);

        // The issuer's clerk sees where each delivery stands; the receiving unit's officer, on its own tracking, does not.
        using var page = issuer.CreateBrowserLikeClient();
        await page.SignInOrFailAsync(DemoAccounts.Clerk);
        var tracking = await page.GetDocumentAsync($"/Tracking/{directive}");
        var deliveries = tracking.QuerySelector("[data-testid=exchange-deliveries]");
        Assert.NotNull(deliveries);
        var rows = deliveries.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("DirectiveHub các xã", rows[0], StringComparison.Ordinal);
        Assert.Contains("Đã gửi", rows[0], StringComparison.Ordinal);
        Assert.Contains("Gửi lỗi", rows[1], StringComparison.Ordinal);
        Assert.Contains("503", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("c-out-", tracking.Body!.InnerHtml, StringComparison.Ordinal);

        // At B: Sài Sơn acknowledges and its clerk names a handler (04), then the handler starts work (05).
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unitClerkEmail = $"clerk.ss.{tag}@demo.local";
        await CreateUserAsync(receiver, receiverDb, unitClerkEmail, "HN-QO-SS", Roles.Clerk);
        var officerId = await receiverDb.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync(Cancel));
        var officer = await receiver.ApiClientAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync(new Uri($"/api/directives/{received.DirectiveId}/acknowledge", UriKind.Relative), null, Cancel)).StatusCode);
        var saiSon = await receiverDb.QueryAsync(db => db.Organizations.Where(o => o.Code == "HN-QO-SS").Select(o => o.Id).SingleAsync(Cancel));
        var lead = await receiverDb.QueryAsync(db => db.TaskAssignments.Where(t => t.DirectiveId == received.DirectiveId && t.OrganizationId == saiSon).Select(t => t.Id).SingleAsync(Cancel));
        var unitClerk = await receiver.ApiClientAsync(unitClerkEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await unitClerk.PutAsJsonAsync($"/api/task-assignments/{lead}/handler", new { handlerUserId = officerId }, Cancel)).StatusCode);
        await TickUntilAsync([issuer, receiver], async () => (await StatusesAtIssuerAsync(issuerDb, directive)).Contains("04"));
        Assert.Equal(["01", "03", "04"], await StatusesAtIssuerAsync(issuerDb, directive));

        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/task-assignments/{lead}/reports", new { status = "InProgress", note = "Đang triển khai" }, Cancel)).StatusCode);
        await TickUntilAsync([issuer, receiver], async () => (await StatusesAtIssuerAsync(issuerDb, directive)).Contains("05"));
        await TickAsync([issuer, receiver], 3);
        Assert.Equal(["01", "03", "04", "05"], await StatusesAtIssuerAsync(issuerDb, directive));
        Assert.Contains("Đã phân công", await page.GetStringAsync(new Uri($"/Tracking/{directive}", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_directive_queues_no_package_for_any_peer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DirectiveHubFactory(DatabaseProvider.Sqlite, database.ConnectionString, new Dictionary<string, string?>
        {
            ["Exchange:WorkerEnabled"] = "false",
            ["Exchange:Peers:0:Code"] = "SYS-B",
            ["Exchange:Peers:0:Url"] = "http://receiver.test/",
            ["Exchange:Peers:0:Units:0"] = "HN-QO-SS",
        });
        var clerk = await app.ApiClientAsync(DemoAccounts.Clerk);
        var open = await PublishAsync(database, clerk, ["HN-QO-SS"]);
        var secret = await PublishAsync(database, clerk, ["HN-QO-SS"], confidentiality: "Mat");
        Assert.Equal(1, await database.QueryAsync(db => db.OutgoingPackages.CountAsync(p => p.DirectiveId == open, Cancel)));
        Assert.Equal(0, await database.QueryAsync(db => db.OutgoingPackages.CountAsync(p => p.DirectiveId == secret, Cancel)));
    }

    private static async Task<List<string>> StatusesAtIssuerAsync(TestDatabase issuerDb, Guid directive) =>
        (await issuerDb.QueryAsync(db => db.ReceivedStatuses.Where(s => s.DirectiveId == directive && s.UnitCode == "HN-QO-SS").Select(s => s.StatusCode).ToListAsync(Cancel)))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>Moves both instances' clocks one interval at a time (the workers' timers fire on it) until the condition holds.</summary>
    private static async Task TickUntilAsync(DirectiveHubFactory[] apps, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The exchange workers did not get there within 60 s.");
            await TickAsync(apps, 1);
        }
    }

    private static async Task TickAsync(DirectiveHubFactory[] apps, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            foreach (var app in apps)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(30));
            }

            await Task.Delay(300, Cancel);
        }
    }

    private static async Task<Guid> PublishAsync(TestDatabase database, HttpClient clerk, string[] unitCodes, string? confidentiality = null)
    {
        var units = await database.QueryAsync(db => db.Organizations.Where(o => unitCodes.Contains(o.Code)).Select(o => o.Id).ToListAsync(Cancel));
        var saiSon = await database.QueryAsync(db => db.Organizations.Where(o => o.Code == "HN-QO-SS").Select(o => o.Id).SingleAsync(Cancel));
        var created = await clerk.PostAsJsonAsync("/api/directives", new
        {
            documentType = "CV",
            subject = $"gửi liên thông khi ban hành {Guid.NewGuid():N}",
            confidentiality = confidentiality ?? "None",
            recipientOrganizationIds = units,
            tasks = new object[] { new { text = "Báo cáo kết quả triển khai", deadline = "2026-12-05", leadOrganizationId = saiSon, coordinatingOrganizationIds = Array.Empty<Guid>(), subtasks = Array.Empty<object>() } },
            signer = new { authority = "T/M", body = "BAN THƯỜNG VỤ", position = "PHÓ BÍ THƯ", name = "Đàm Công Lợi" },
        }, Cancel);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var published = await clerk.PostAsync(new Uri($"/api/directives/{id}/publish", UriKind.Relative), null, Cancel);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync(Cancel));
        return id;
    }

    private static async Task CreateUserAsync(DirectiveHubFactory app, TestDatabase database, string email, string organizationCode, string role)
    {
        var organizationId = await database.QueryAsync(db => db.Organizations.Where(o => o.Code == organizationCode).Select(o => o.Id).SingleAsync(Cancel));
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, FullName = email, OrganizationId = organizationId, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>Sends each request to the test server named by its host; any other host answers 503, as a peer that is down.</summary>
    private sealed class RouteByHost(IReadOnlyDictionary<string, Func<HttpMessageHandler>> routes) : HttpMessageHandler
    {
        private readonly Dictionary<string, HttpMessageInvoker> _invokers = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var host = request.RequestUri!.Host;
            if (!routes.TryGetValue(host, out var route))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
            }

            HttpMessageInvoker invoker;
            lock (_invokers)
            {
                if (!_invokers.TryGetValue(host, out invoker!))
                {
                    invoker = new HttpMessageInvoker(route(), disposeHandler: true);
                    _invokers[host] = invoker;
                }
            }

            return invoker.SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var invoker in _invokers.Values)
                {
                    invoker.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A throwaway database of either provider: a PostgreSQL database, or a SQLite file in the temp folder.</summary>
    private sealed class TestDatabase : IAsyncDisposable
    {
        private readonly PostgresDatabase? _postgres;
        private readonly string? _file;

        private TestDatabase(DatabaseProvider provider, PostgresDatabase? postgres, string? file)
        {
            Provider = provider;
            _postgres = postgres;
            _file = file;
            ConnectionString = postgres?.ConnectionString ?? $"Data Source={file}";
        }

        public DatabaseProvider Provider { get; }

        public string ConnectionString { get; }

        public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
            ? new TestDatabase(provider, await PostgresDatabase.CreateAsync(), null)
            : new TestDatabase(provider, null, Path.Combine(Path.GetTempPath(), $"dh-push-{Guid.NewGuid():N}.db"));

        public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
        {
            await using var db = DatabaseSetup.Create(Provider, ConnectionString);
            return await query(db);
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }

            if (_file is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
                {
                    File.Delete(path);
                }
            }
        }
    }
}

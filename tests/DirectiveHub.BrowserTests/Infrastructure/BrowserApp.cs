using DirectiveHub.Data;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DirectiveHub.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port over a fresh PostgreSQL database, and Debian's Chromium driven by Playwright
/// (its own browser download cannot work here, so the executable is passed explicitly).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private PostgresDatabase? _database;
    private IPlaywright? _playwright;

    public DirectiveHubFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public bool Ready { get; private set; }

    public string ConnectionString => _database?.ConnectionString ?? string.Empty;

    /// <summary>Settings over the test defaults, for a fixture that needs the app configured otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services over the app's, for a fixture that must change one (a database that can be made to fail).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task<Guid> OrganizationIdAsync(string code)
    {
        await using var db = DatabaseSetup.Create(DatabaseProvider.Postgres, ConnectionString);
        return db.Organizations.Where(o => o.Code == code).Select(o => o.Id).Single();
    }

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestEnvironment.PostgresVariable)) || !File.Exists(ChromiumPath))
        {
            return;
        }

        _database = await PostgresDatabase.CreateAsync();
        Factory = new DirectiveHubFactory(DatabaseProvider.Postgres, _database.ConnectionString, Settings, configureServices: ConfigureServices);
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        // Web-first assertions wait 5 s by default: on a loaded 2-core CI machine a form post alone can take longer, and a
        // passing assertion does not wait for the limit, so it matches the actions' own generous timeout.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Ready = true;
    }

    /// <summary>Skips (locally) or fails (CI=true) a test when PostgreSQL or Chromium is missing.</summary>
    public void Require()
    {
        TestEnvironment.RequirePostgres();
        if (!File.Exists(ChromiumPath))
        {
            var message = $"Chromium is not installed at {ChromiumPath}: run the README's test command.";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        Assert.True(Ready, "The browser app did not start.");
    }

    /// <summary>A fresh browser context (its own cookies) at a phone-sized or desktop viewport.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous limits for a loaded CI machine; a passing step does not wait for them.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

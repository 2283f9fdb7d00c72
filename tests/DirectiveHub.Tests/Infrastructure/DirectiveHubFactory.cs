using DirectiveHub.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveHub.Tests.Infrastructure;

/// <summary>The real app on a real database (PostgreSQL or a SQLite file), with demo data and a clock tests can move.</summary>
public sealed class DirectiveHubFactory(
    DatabaseProvider provider,
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    string environment = "Testing",
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:DirectiveHub", connectionString);
        builder.UseSetting("Demo:Seed", "true");

        // The demo's signing certificates cost a few RSA keys per app; DemoSigningTests turns them on.
        builder.UseSetting("Demo:SigningCertificates", "false");
        builder.UseSetting("Security:RequireHttps", "false");
        builder.UseSetting("Security:LoginAttemptsPerAddressPerMinute", "1000");
        builder.UseSetting("Security:LoginAttemptsPerAccountPer5Minutes", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // The overdue worker is tested on its own (Jobs/); elsewhere it would race the tests for the same rows.
        builder.UseSetting("Overdue:Enabled", "false");

        // Likewise the mail outbox: tests read the queued messages themselves (OutboxWorkerTests runs the worker).
        builder.UseSetting("Mail:OutboxEnabled", "false");

        // And the exchange worker: the exchange tests drain by hand. Left on, its ticks (fired by the test clock's
        // jumps) ran beside the requests that tests count or time, and made readiness Degraded until they ended.
        builder.UseSetting("Exchange:WorkerEnabled", "false");

        // Administrators' two-factor requirement is proven in Security/TwoFactorTests; elsewhere the demo admin signs
        // in with a password so that every admin test does not repeat the enrolment.
        builder.UseSetting("Security:RequireTwoFactorForAdmins", "false");

        // Tests change data between requests and expect the figures at once; the cache has its own test.
        builder.UseSetting("Dashboard:CacheSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            configureServices?.Invoke(services);
        });
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}

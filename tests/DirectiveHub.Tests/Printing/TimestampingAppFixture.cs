using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Printing;

/// <summary>
/// The app with <c>Pdf:TimestampAuthorityUrl</c> pointing at a <see cref="TestTimestampAuthority"/> that starts first
/// and stamps with the app's clock. The timeout is short so that a TSA that never answers costs a test seconds.
/// </summary>
public sealed class TimestampingAppFixture : PostgresAppFixture
{
    public const int TimeoutSeconds = 3;

    /// <summary>The CA that issued the TSA's certificate; tests issue the unit's certificate from it too.</summary>
    public X509Certificate2 Root { get; } = TestCertificates.CreateRoot("DirectiveHub Test TSA Root");

    public TestTimestampAuthority Tsa { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Pdf:TimestampAuthorityUrl"] = Tsa.Url.ToString(),
        ["Pdf:TimestampTimeout"] = TimeSpan.FromSeconds(TimeoutSeconds).ToString(),
    };

    public override async ValueTask InitializeAsync()
    {
        Tsa = await TestTimestampAuthority.StartAsync(Root, () => Factory.Clock.GetUtcNow());
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Tsa.DisposeAsync();
        Root.Dispose();
    }
}

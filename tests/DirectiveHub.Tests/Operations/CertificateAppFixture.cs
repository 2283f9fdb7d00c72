using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Tests.Infrastructure;

namespace DirectiveHub.Tests.Operations;

/// <summary>The app with a Data Protection certificate: a fresh self-signed PFX, as an operator would make with openssl.</summary>
public sealed class CertificateAppFixture : PostgresAppFixture
{
    public const string Password = "pfx-password-for-tests";

    public static string CertificatePath { get; } = Create();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = CertificatePath,
        ["DataProtection:CertificatePassword"] = Password,
    };

    private static string Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DirectiveHub Data Protection (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), "dh-dp-" + Guid.NewGuid().ToString("N")[..8] + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}

using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Data;
using DirectiveHub.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Security;

/// <summary>
/// Data Protection for the web app and the CLI: one key ring in the database (shared by every instance), its keys
/// encrypted at rest with the certificate <c>DataProtection:CertificatePath</c> (a PFX, password in
/// <c>DataProtection:CertificatePassword</c>) when one is configured; certificates listed under
/// <c>DataProtection:PreviousCertificates</c> (each a <c>Path</c> and <c>Password</c>) still decrypt keys written
/// before a rotation. Identity's token store (authenticator secrets, recovery codes) is protected with the same ring.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "DirectiveHub";

    public static bool IsCertificateConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]);

    public static IServiceCollection AddDirectiveHubDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>()
            .SetDefaultKeyLifetime(TimeSpan.FromDays(Math.Clamp(configuration.GetValue("DataProtection:KeyLifetimeDays", 90), 7, 365)));
        if (IsCertificateConfigured(configuration))
        {
            var current = Load(configuration["DataProtection:CertificatePath"]!, configuration["DataProtection:CertificatePassword"]);
            var previous = configuration.GetSection("DataProtection:PreviousCertificates").GetChildren()
                .Where(c => !string.IsNullOrWhiteSpace(c["Path"]))
                .Select(c => Load(c["Path"]!, c["Password"]));
            builder.ProtectKeysWithCertificate(current);

            // Decryption gets the certificates themselves: on Linux there is no machine store to find them in.
            builder.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        services.AddScoped<IUserStore<AppUser>, ProtectedUserStore>();
        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The Data Protection certificate {path} has no private key.");
    }
}

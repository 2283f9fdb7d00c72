using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Data;
using DirectiveHub.Printing;
using DirectiveHub.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Signing;

/// <summary>
/// Units' signing certificates: administrators upload a PKCS#12 file with its password; publishing signs with it. The
/// file and the password are encrypted at rest with Data Protection, the key is loaded only for the signature and never
/// leaves the process; nothing here logs either.
/// </summary>
public sealed class UnitCertificates(AppDbContext db, IDataProtectionProvider protection, PdfOptions options) : IUnitSignerSource
{
    public const int MaxFileBytes = 64 * 1024;
    public const int MaxPasswordLength = 256;

    private IDataProtector Protector => protection.CreateProtector("DirectiveHub.Signing.UnitCertificate.v1");

    /// <summary>Checks the file opens with the password, holds an RSA key and is in force; then stores it for the unit.</summary>
    public async Task<UnitCertificate> UploadAsync(Guid organizationId, byte[] pkcs12, string password, Guid userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (pkcs12.Length == 0 || pkcs12.Length > MaxFileBytes)
        {
            throw new DomainException($"Tệp chứng thư số phải có nội dung và không quá {MaxFileBytes / 1024} KB.");
        }

        if (password.Length > MaxPasswordLength)
        {
            throw new DomainException($"Mật khẩu không quá {MaxPasswordLength} ký tự.");
        }

        using var loaded = Open(pkcs12, password);
        var certificate = loaded.Signer;
        if (certificate.NotAfter.ToUniversalTime() <= nowUtc)
        {
            throw new DomainException($"Chứng thư số đã hết hạn ngày {VietnamTime.ShortDate(DateOnly.FromDateTime(certificate.NotAfter))}.");
        }

        return await ReplaceAsync(organizationId, certificate, Protector.Protect(pkcs12), Protector.Protect(password), userId, nowUtc, cancellationToken);
    }

    /// <summary>
    /// Signs for the unit with a certificate already in the server's certificate store ("My" of the current user,
    /// then of the machine), found by its thumbprint: it must hold an RSA private key and be in force.
    /// </summary>
    public async Task<UnitCertificate> UseMachineStoreAsync(Guid organizationId, string? thumbprint, Guid userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var wanted = NormalizeThumbprint(thumbprint)
            ?? throw new DomainException("Dấu vân tay (thumbprint) của chứng thư số là 40 chữ số thập lục phân (SHA-1), có thể có dấu cách.");
        using var certificate = FromStore(wanted);
        if (certificate.NotAfter.ToUniversalTime() <= nowUtc)
        {
            throw new DomainException($"Chứng thư số đã hết hạn ngày {VietnamTime.ShortDate(DateOnly.FromDateTime(certificate.NotAfter))}.");
        }

        return await ReplaceAsync(organizationId, certificate, null, null, userId, nowUtc, cancellationToken);
    }

    private async Task<UnitCertificate> ReplaceAsync(Guid organizationId, X509Certificate2 certificate, byte[]? protectedPkcs12, string? protectedPassword, Guid userId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var existing = await db.UnitCertificates.SingleOrDefaultAsync(c => c.OrganizationId == organizationId, cancellationToken);
        if (existing is not null)
        {
            db.UnitCertificates.Remove(existing);
        }

        var row = new UnitCertificate(
            organizationId,
            protectedPkcs12,
            protectedPassword,
            certificate.Subject,
            certificate.Issuer,
            certificate.Thumbprint,
            certificate.NotBefore.ToUniversalTime(),
            certificate.NotAfter.ToUniversalTime(),
            userId,
            nowUtc);
        db.UnitCertificates.Add(row);
        return row;
    }

    public async Task<UnitSigner?> FindAsync(Guid organizationId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var row = await db.UnitCertificates.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c, o.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (row.c.NotAfter <= nowUtc)
        {
            throw new DomainException($"Chứng thư số của đơn vị đã hết hạn ngày {VietnamTime.ShortDate(DateOnly.FromDateTime(VietnamTime.ToVietnam(row.c.NotAfter)))}; quản trị viên cần cập nhật chứng thư số trước khi ban hành.");
        }

        if (row.c.NotBefore > nowUtc)
        {
            throw new DomainException("Chứng thư số của đơn vị chưa đến ngày có hiệu lực.");
        }

        var unitName = row.Name.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        if (row.c.FromMachineStore)
        {
            var stored = FromStore(row.c.Thumbprint);
            return UnitSigner.FromCertificate(stored, ChainOf(stored), unitName, options.TimestampAuthority);
        }

        byte[] pkcs12;
        string password;
        try
        {
            pkcs12 = Protector.Unprotect(row.c.ProtectedPkcs12!);
            password = Protector.Unprotect(row.c.ProtectedPassword!);
        }
        catch (CryptographicException)
        {
            throw new DomainException("Không mở được chứng thư số đã lưu của đơn vị (khóa bảo vệ dữ liệu đã thay đổi); quản trị viên cần tải lại tệp chứng thư số.");
        }

        var loaded = Open(pkcs12, password);
        return UnitSigner.FromCertificate(loaded.Signer, loaded.Chain, unitName, options.TimestampAuthority);
    }

    private static string? NormalizeThumbprint(string? thumbprint)
    {
        var hex = new string((thumbprint ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != ':').ToArray()).ToUpperInvariant();
        return hex.Length == 40 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    /// <summary>The certificate with its private key from the current user's store, else the machine's.</summary>
    private static X509Certificate2 FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            X509Certificate2Collection found;
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            }
            catch (CryptographicException)
            {
                // A store that does not exist on this machine (LocalMachine\My on Linux) holds nothing.
                continue;
            }

            var signer = found.FirstOrDefault(c => c.HasPrivateKey);
            foreach (var other in found.Where(c => !ReferenceEquals(c, signer)))
            {
                other.Dispose();
            }

            if (signer is null)
            {
                continue;
            }

            using (var rsa = signer.GetRSAPrivateKey())
            {
                if (rsa is null)
                {
                    signer.Dispose();
                    throw new DomainException("Chỉ hỗ trợ chứng thư số dùng khóa RSA.");
                }
            }

            return signer;
        }

        throw new DomainException($"Không thấy chứng thư số có dấu vân tay {thumbprint} kèm khóa bí mật trong kho chứng thư của máy chủ (My).");
    }

    /// <summary>The intermediates between the certificate and its root, as the machine's stores know them.</summary>
    private static List<X509Certificate2> ChainOf(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllFlags;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.Build(certificate);
        return chain.ChainElements.Skip(1).Select(e => e.Certificate).Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) is false).ToList();
    }

    private static Loaded Open(byte[] pkcs12, string password)
    {
        X509Certificate2Collection collection;
        try
        {
            collection = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new DomainException("Không mở được tệp chứng thư số: mật khẩu không đúng hoặc tệp không phải PKCS#12 (.p12, .pfx).");
        }

        var signer = collection.FirstOrDefault(c => c.HasPrivateKey);
        if (signer is null)
        {
            Dispose(collection);
            throw new DomainException("Tệp chứng thư số không chứa khóa bí mật để ký.");
        }

        using (var rsa = signer.GetRSAPrivateKey())
        {
            if (rsa is null)
            {
                Dispose(collection);
                throw new DomainException("Chỉ hỗ trợ chứng thư số dùng khóa RSA.");
            }
        }

        return new Loaded(signer, collection.Where(c => !ReferenceEquals(c, signer)).ToList());
    }

    private static void Dispose(X509Certificate2Collection collection)
    {
        foreach (var certificate in collection)
        {
            certificate.Dispose();
        }
    }

    private sealed record Loaded(X509Certificate2 Signer, IReadOnlyList<X509Certificate2> Chain) : IDisposable
    {
        public void Dispose()
        {
            Signer.Dispose();
            foreach (var certificate in Chain)
            {
                certificate.Dispose();
            }
        }
    }
}

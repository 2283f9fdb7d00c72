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

        var existing = await db.UnitCertificates.SingleOrDefaultAsync(c => c.OrganizationId == organizationId, cancellationToken);
        if (existing is not null)
        {
            db.UnitCertificates.Remove(existing);
        }

        var row = new UnitCertificate(
            organizationId,
            Protector.Protect(pkcs12),
            Protector.Protect(password),
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

        byte[] pkcs12;
        string password;
        try
        {
            pkcs12 = Protector.Unprotect(row.c.ProtectedPkcs12);
            password = Protector.Unprotect(row.c.ProtectedPassword);
        }
        catch (CryptographicException)
        {
            throw new DomainException("Không mở được chứng thư số đã lưu của đơn vị (khóa bảo vệ dữ liệu đã thay đổi); quản trị viên cần tải lại tệp chứng thư số.");
        }

        var loaded = Open(pkcs12, password);
        return UnitSigner.FromCertificate(loaded.Signer, loaded.Chain, row.Name.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), options.TimestampAuthority);
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

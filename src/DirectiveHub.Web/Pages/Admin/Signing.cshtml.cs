using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Signing;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>
/// Digital signatures: each unit's signing certificate (PKCS#12 with its password, stored encrypted) and the root
/// certificates trusted when verifying received PDFs. Only units the administrator manages are listed or changed.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 128 * 1024)]
[RequestSizeLimit(160 * 1024)]
public sealed class SigningModel(AppDbContext db, CurrentUser user, UnitCertificates certificates, AuditTrail audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<CertificateRow> Certificates { get; private set; } = [];

    public IReadOnlyList<TrustedRoot> Roots { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>The trusted roots count for every unit: only an administrator of the whole tree changes them.</summary>
    public bool MayChangeRoots { get; private set; }

    /// <summary>The unit and thumbprint of a failed attempt, chosen again when the page comes back with the error.</summary>
    public Guid? SelectedOrganizationId { get; private set; }

    public string? Thumbprint { get; private set; }

    public sealed record CertificateRow(string Unit, string Subject, string Issuer, DateTime NotAfter, DateTime UploadedAt, bool FromMachineStore);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostCertificateAsync(Guid organizationId, IFormFile? file, string? password, CancellationToken cancellationToken) =>
        SaveCertificateAsync(organizationId, async () => await certificates.UploadAsync(organizationId, await ReadAsync(file, UnitCertificates.MaxFileBytes, cancellationToken), password ?? string.Empty, user.Id, clock.GetUtcNow().UtcDateTime, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStoreCertificateAsync(Guid organizationId, string? thumbprint, CancellationToken cancellationToken)
    {
        Thumbprint = thumbprint?.Length > 128 ? null : thumbprint;
        return SaveCertificateAsync(organizationId, () => certificates.UseMachineStoreAsync(organizationId, thumbprint?.Length > 128 ? null : thumbprint, user.Id, clock.GetUtcNow().UtcDateTime, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> SaveCertificateAsync(Guid organizationId, Func<Task<UnitCertificate>> save, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        if (!await db.Organizations.VisibleTo(viewer).AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var row = await save();
            audit.Record(AuditActions.SettingChanged, nameof(UnitCertificate), organizationId.ToString(), new { row.Subject, row.Thumbprint, row.NotAfter, row.FromMachineStore });
            await db.SaveChangesAsync(cancellationToken);
            Message = $"Đã lưu chứng thư số {row.Subject}.";
            return RedirectToPage();
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            SelectedOrganizationId = organizationId;
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRootAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await WholeTree.AdministeredFromAsync(db, user.OrganizationId, cancellationToken))
        {
            return Forbid();
        }

        try
        {
            var bytes = await ReadAsync(file, 16 * 1024, cancellationToken);
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadCertificate(PemOrDer(bytes));
            }
            catch (CryptographicException)
            {
                throw new DomainException("Tệp không phải chứng thư số (.cer, .crt, .pem).");
            }

            using (certificate)
            {
                if (await db.TrustedRoots.AnyAsync(r => r.Thumbprint == certificate.Thumbprint, cancellationToken))
                {
                    throw new DomainException("Chứng thư gốc này đã có trong danh sách tin cậy.");
                }

                db.TrustedRoots.Add(new TrustedRoot(certificate.RawData, certificate.Subject, certificate.Thumbprint, certificate.NotAfter.ToUniversalTime(), user.Id, clock.GetUtcNow().UtcDateTime));
                audit.Record(AuditActions.SettingChanged, nameof(TrustedRoot), certificate.Thumbprint, new { Trusted = certificate.Subject });
                await db.SaveChangesAsync(cancellationToken);
                Message = $"Đã thêm chứng thư gốc tin cậy {certificate.Subject}.";
            }

            return RedirectToPage();
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveRootAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await WholeTree.AdministeredFromAsync(db, user.OrganizationId, cancellationToken))
        {
            return Forbid();
        }

        var root = await db.TrustedRoots.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (root is null)
        {
            return NotFound();
        }

        db.TrustedRoots.Remove(root);
        audit.Record(AuditActions.SettingChanged, nameof(TrustedRoot), root.Thumbprint, new { Untrusted = root.Subject });
        await db.SaveChangesAsync(cancellationToken);
        Message = $"Đã bỏ tin cậy {root.Subject}.";
        return RedirectToPage();
    }

    private static async Task<byte[]> ReadAsync(IFormFile? file, int maxBytes, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw new DomainException("Hãy chọn tệp.");
        }

        if (file.Length > maxBytes)
        {
            throw new DomainException($"Tệp không quá {maxBytes / 1024} KB.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static byte[] PemOrDer(byte[] bytes)
    {
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? Convert.FromBase64String(PemEncoding.Find(text) is var pem ? text[pem.Base64Data] : string.Empty)
            : bytes;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayChangeRoots = await WholeTree.AdministeredFromAsync(db, user.OrganizationId, cancellationToken);
        var viewer = await user.GetViewerAsync(cancellationToken);
        var units = db.Organizations.VisibleTo(viewer).Where(o => o.DissolvedOn == null);
        Units = (await units.OrderBy(o => o.Path).Take(2000).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        Certificates = await db.UnitCertificates.AsNoTracking()
            .Join(units, c => c.OrganizationId, o => o.Id, (c, o) => new { c, o.Name, o.Path })
            .OrderBy(x => x.Path)
            .Select(x => new CertificateRow(x.Name, x.c.Subject, x.c.Issuer, x.c.NotAfter, x.c.UploadedAt, x.c.ProtectedPkcs12 == null))
            .ToListAsync(cancellationToken);
        Roots = await db.TrustedRoots.AsNoTracking().OrderBy(r => r.Subject).ToListAsync(cancellationToken);
    }
}

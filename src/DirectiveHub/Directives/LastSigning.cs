using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Directives;

/// <summary>
/// The signature block and file copy ("Lưu: …") of a unit's last signed directive: the same person usually signs, and
/// the office keeps its copy in the same place. A new draft and a periodic report issued as a document start from it.
/// </summary>
public sealed record LastSigning(Signer Signer, IReadOnlyList<DistributionContent> FileCopies)
{
    public static async Task<LastSigning?> OfAsync(AppDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.Directives.AsNoTracking()
            .Where(d => d.IssuerId == organizationId && d.Signer.Name != null)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new
            {
                d.Signer,
                Kept = d.Distribution.Where(e => e.Purpose == "Lưu").OrderBy(e => e.Position).Select(e => new { e.Text, e.Purpose }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? null : new LastSigning(last.Signer, last.Kept.Select(e => new DistributionContent(e.Text, e.Purpose)).ToList());
    }
}

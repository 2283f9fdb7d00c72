namespace DirectiveHub.Printing;

/// <summary>The certificate a unit signs its record copies with, or null when its administrators configured none.</summary>
public interface IUnitSignerSource
{
    Task<UnitSigner?> FindAsync(Guid organizationId, DateTime nowUtc, CancellationToken cancellationToken);
}

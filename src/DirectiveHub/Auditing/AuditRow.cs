namespace DirectiveHub.Auditing;

/// <summary>An audit event as the audit log page, its CSV and GET /api/admin/audit list it.</summary>
public sealed record AuditRow(long Id, DateTime OccurredAt, string Action, string EntityType, string? EntityId, string? UserName, Guid? OrganizationId, string? IpAddress, string? Details, string? OnBehalfOf = null, string? UserFullName = null)
{
    /// <summary>Who acted, as people know them: the name, or the e-mail stored with the event when there is none.</summary>
    public string? Who => string.IsNullOrEmpty(UserFullName) ? UserName : UserFullName;
}

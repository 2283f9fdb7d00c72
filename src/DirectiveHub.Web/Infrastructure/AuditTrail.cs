using System.Text.Json;
using DirectiveHub.Auditing;
using DirectiveHub.Data;

namespace DirectiveHub.Web.Infrastructure;

/// <summary>Adds audit events for the current request (who, from where); they are saved with the handler's own changes.</summary>
public sealed class AuditTrail(AppDbContext db, CurrentUser user, IHttpContextAccessor accessor, TimeProvider clock)
{
    public void Record(string action, string entityType, string? entityId, object? details = null, Guid? userId = null, string? userName = null, Guid? organizationId = null)
    {
        var address = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var actor = userId ?? (user.Id == Guid.Empty ? null : user.Id);
        db.AuditEvents.Add(new AuditEvent(
            action,
            entityType,
            entityId,
            actor,
            userName ?? user.Email,
            organizationId ?? (user.OrganizationId == Guid.Empty ? null : user.OrganizationId),
            address,
            details is null ? null : JsonSerializer.Serialize(details),
            clock.GetUtcNow().UtcDateTime));
    }
}

using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

public sealed record Acknowledgment(DateTime AcknowledgedAt, Guid AcknowledgedById, string? AcknowledgedBy);

namespace DirectiveHub.Inbox;

public sealed record InboxFilter(bool? Acknowledged = null, bool? Overdue = null, string? Type = null, int? Year = null, string? Q = null);

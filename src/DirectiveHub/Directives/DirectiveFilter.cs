using DirectiveHub.Data;
using DirectiveHub.Text;

namespace DirectiveHub.Directives;

/// <summary>The filters of every directive list (outgoing, inbox, API), so "phong chong dich" finds the same everywhere.</summary>
public sealed record DirectiveFilter(string? Q = null, string? Type = null, DirectiveStatus? Status = null, int? Year = null, Urgency? Urgency = null);

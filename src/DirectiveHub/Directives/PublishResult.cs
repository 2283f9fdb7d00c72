using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Notifications;
using DirectiveHub.Numbering;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Directives;

public sealed record PublishResult(Guid Id, string Number, int Sequence, DateOnly IssuedOn);

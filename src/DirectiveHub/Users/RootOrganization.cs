using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Users;

public sealed record RootOrganization(string Name, OrganizationKind Kind, string Symbol, string? Place);

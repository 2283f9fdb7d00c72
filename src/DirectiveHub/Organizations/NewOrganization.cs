using System.Text;
using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Organizations;

/// <summary>One unit to create, from a CSV row or from the API.</summary>
public sealed record NewOrganization(string Code, string Name, string Kind, string? ParentCode, string? Place, string? Symbol = null, string? PartyBody = null);

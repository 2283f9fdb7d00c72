namespace DirectiveHub.Organizations;

/// <summary>A dissolved unit that still has users or open number registers (<see cref="DissolvedHoldings"/>).</summary>
public sealed record DissolvedHolding(Guid OrganizationId, string Name, DateOnly DissolvedOn, string? SuccessorName, int Users, int OpenRegisters);

namespace DirectiveHub.Registers;

/// <summary>One page of a register and how many rows the whole register has.</summary>
public sealed record RegisterPage<T>(IReadOnlyList<T> Items, int Total);

namespace DirectiveHub.Directives;

/// <summary>The Party's signing forms, printed with a slash: T/M, K/T, T/L, T/UQ.</summary>
public enum SigningAuthority
{
    None,

    /// <summary>T/M: on behalf of a collective (a committee, its standing committee).</summary>
    OnBehalfOf,

    /// <summary>K/T: a deputy signing for the head of an advisory body.</summary>
    Deputy,

    /// <summary>T/L: by delegation (the chief of office signs for the standing committee).</summary>
    ByDelegation,

    /// <summary>T/UQ: by authorization.</summary>
    Authorized,
}

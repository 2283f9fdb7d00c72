namespace DirectiveHub.Assignments;

/// <summary>The top of the alert ladder, as the exception view shows it ("đỏ", "đỏ đặc biệt").</summary>
public enum ExceptionLevel
{
    /// <summary>Past its deadline, fewer working days late than the special-red threshold.</summary>
    Red,

    /// <summary>At or beyond the threshold (3 working days late by default): the assigning level must act.</summary>
    SpecialRed,
}

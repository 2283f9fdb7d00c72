namespace DirectiveHub.Assignments;

/// <summary>Which units a bulk urging of one directive reaches.</summary>
public enum UrgingTarget
{
    /// <summary>Every unit that has not acknowledged receipt and still has work of the directive.</summary>
    NotAcknowledged,

    /// <summary>Every unit with work past its deadline still in its hands.</summary>
    Overdue,
}

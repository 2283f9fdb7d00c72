namespace DirectiveHub.Dashboards;

/// <summary>
/// What a row of the dashboard summaries counts, and which day it is dated by. Stored as integers, unlike the
/// domain's enums: these tables hold millions of rows and are read only by code.
/// </summary>
public enum FigureMeasure
{
    /// <summary>Counted task assignments (not closed, not cancelled), on their directive's issue date.</summary>
    Assigned = 0,

    /// <summary>Of those, the ones whose unit acknowledged the directive, on its issue date.</summary>
    Acknowledged = 1,

    /// <summary>Done on time, on the Vietnam date the result was submitted.</summary>
    Done = 2,

    /// <summary>Done late, on the Vietnam date the result was submitted.</summary>
    DoneLate = 3,

    /// <summary>
    /// Still to be done under a directive in force, on the deadline: overdue once the deadline is before today. Work
    /// without a deadline and results awaiting the issuer's confirmation are never overdue: they are dated
    /// <see cref="DateOnly.MaxValue"/>.
    /// </summary>
    Outstanding = 4,
}

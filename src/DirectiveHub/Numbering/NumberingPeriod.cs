namespace DirectiveHub.Numbering;

public enum NumberingPeriod
{
    /// <summary>The Party's rule: one sequence per type through a congress term (nhiệm kỳ), never restarted mid-term.</summary>
    Term,

    /// <summary>The state's rule (and some offices' practice for công văn): reset on 1 January.</summary>
    CalendarYear,
}

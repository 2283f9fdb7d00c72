namespace DirectiveHub.Assignments;

/// <summary>When an accepted result was submitted, against the deadline in force then (a Vietnam date).</summary>
public enum ResultTiming
{
    /// <summary>Trước hạn: submitted before the deadline's day.</summary>
    Early,

    /// <summary>Đúng hạn: submitted on the deadline's day, or the task had no deadline.</summary>
    OnTime,

    /// <summary>Trễ hạn.</summary>
    Late,
}

namespace DirectiveHub.Assignments;

/// <summary>The rungs of the alert ladder (Cao Bằng specification 1400-CV/VPTU), in order; stored as strings.</summary>
public enum AlertLevel
{
    /// <summary>"Cảnh báo vàng": a few working days before the deadline, to the unit that owns the task.</summary>
    Yellow = 1,

    /// <summary>"Cảnh báo đỏ": the day after the deadline (the one overdue rule), to the unit and its superior committee.</summary>
    Red = 2,

    /// <summary>"Đỏ đặc biệt": some working days late, to the level that assigned the task.</summary>
    SpecialRed = 3,
}

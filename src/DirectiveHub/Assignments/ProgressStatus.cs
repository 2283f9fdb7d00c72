namespace DirectiveHub.Assignments;

/// <summary>
/// Where a task assignment stands in its lifecycle: the one vocabulary every page, export and API response shows
/// (see <see cref="ExchangeStatus"/> for the national exchange's codes). "Overdue", "due soon" and "no deadline" are
/// not statuses of their own: they are readings of the deadline beside the status.
/// </summary>
public enum ProgressStatus
{
    /// <summary>Chưa thực hiện.</summary>
    NotStarted,

    /// <summary>Đang thực hiện.</summary>
    InProgress,

    /// <summary>Gặp vướng mắc.</summary>
    Blocked,

    /// <summary>Đã hoàn thành (đúng hạn): the issuer accepted the result, submitted by the deadline in force.</summary>
    Done,

    /// <summary>Hoàn thành trễ hạn: the issuer accepted a result submitted after the deadline in force.</summary>
    DoneLate,

    /// <summary>Chờ xác nhận: the unit reported its result; the issuer has to accept or return it.</summary>
    AwaitingConfirmation,

    /// <summary>Trả lại: the issuer returned the result; the unit must report again.</summary>
    Returned,

    /// <summary>Từ chối: the unit refused a task outside its remit; the issuer reassigns or cancels it.</summary>
    Refused,

    /// <summary>Đã hủy: the issuer cancelled it; it leaves every rate and is counted on its own.</summary>
    Cancelled,
}

namespace DirectiveHub.Assignments;

/// <summary>
/// The national document exchange's status codes (QCVN 102:2016, edXML) for a task assignment, so that a connector
/// maps one to one: 01 đã đến, 02 từ chối, 03 đã tiếp nhận, 04 đã phân công, 05 đang xử lý, 06 hoàn thành.
/// </summary>
public static class ExchangeStatus
{
    public const string Arrived = "01";
    public const string Refused = "02";
    public const string Received = "03";
    public const string Assigned = "04";
    public const string InHand = "05";
    public const string Done = "06";

    /// <summary>
    /// Thu hồi: the exchange's recall code (13), the nearest it has to an issuer cancelling work it sent; the six codes
    /// above have no "cancelled".
    /// </summary>
    public const string Recalled = "13";

    /// <param name="acknowledged">Whether the unit acknowledged receipt of the directive.</param>
    /// <param name="handlerAssigned">Whether the unit named an officer to handle the task (người xử lý).</param>
    public static string Of(ProgressStatus status, bool acknowledged, bool handlerAssigned = false) => status switch
    {
        ProgressStatus.Done or ProgressStatus.DoneLate => Done,
        ProgressStatus.Refused => Refused,
        ProgressStatus.Cancelled => Recalled,
        ProgressStatus.InProgress or ProgressStatus.Blocked or ProgressStatus.AwaitingConfirmation or ProgressStatus.Returned => InHand,
        _ when handlerAssigned => Assigned,
        _ when acknowledged => Received,
        _ => Arrived,
    };
}

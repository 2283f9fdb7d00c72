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

    /// <summary>
    /// One unit's status for a whole directive (what an edXML status message reports), from <see cref="Of"/> of each of
    /// its tasks: done when every live task is done, refused when every one is refused, in hand once any work started or
    /// ended, else how far receipt went. Tasks the issuer cancelled do not count unless all were.
    /// </summary>
    public static string OfUnit(IReadOnlyCollection<string> taskCodes, bool acknowledged)
    {
        var live = taskCodes.Where(c => c != Recalled).ToList();
        if (live.Count == 0)
        {
            return taskCodes.Count > 0 ? Recalled : acknowledged ? Received : Arrived;
        }

        return live.All(c => c == Done) ? Done
            : live.All(c => c == Refused) ? Refused
            : live.Any(c => c is InHand or Done) ? InHand
            : live.Any(c => c == Assigned) ? Assigned
            : acknowledged ? Received
            : Arrived;
    }
}

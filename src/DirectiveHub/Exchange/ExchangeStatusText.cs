using DirectiveHub.Assignments;

namespace DirectiveHub.Exchange;

/// <summary>The Vietnamese names of the exchange's status codes, as the tracking page shows them.</summary>
public static class ExchangeStatusText
{
    public static bool IsKnown(string? code) => code is ExchangeStatus.Arrived or ExchangeStatus.Refused or ExchangeStatus.Received
        or ExchangeStatus.Assigned or ExchangeStatus.InHand or ExchangeStatus.Done or ExchangeStatus.Recalled;

    public static string Of(string code) => code switch
    {
        ExchangeStatus.Arrived => "Đã đến",
        ExchangeStatus.Refused => "Từ chối",
        ExchangeStatus.Received => "Đã tiếp nhận",
        ExchangeStatus.Assigned => "Đã phân công",
        ExchangeStatus.InHand => "Đang xử lý",
        ExchangeStatus.Done => "Hoàn thành",
        ExchangeStatus.Recalled => "Thu hồi",
        _ => code,
    };
}

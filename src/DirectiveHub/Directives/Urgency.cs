namespace DirectiveHub.Directives;

/// <summary>Độ khẩn. The order matches edXML's priority field (0 normal … 3 hỏa tốc).</summary>
public enum Urgency
{
    None = 0,
    Khan = 1,
    ThuongKhan = 2,
    HoaToc = 3,
}

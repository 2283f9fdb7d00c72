namespace DirectiveHub.Assignments;

public enum ReviewDecision
{
    /// <summary>Xác nhận hoàn thành.</summary>
    Accept,

    /// <summary>Trả lại: do it again.</summary>
    Return,
}

namespace DirectiveHub.Assignments;

/// <summary>What a late assignment still lacks, the first missing step of its life.</summary>
public enum ExceptionMissing
{
    /// <summary>The unit has not acknowledged the directive ("chưa xác nhận đã nhận").</summary>
    NoAcknowledgment,

    /// <summary>Acknowledged, but no progress report ("chưa báo cáo").</summary>
    NoReport,

    /// <summary>Reported, but no completion ("chưa có kết quả").</summary>
    NoResult,
}

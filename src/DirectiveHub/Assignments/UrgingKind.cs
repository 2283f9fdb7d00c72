namespace DirectiveHub.Assignments;

/// <summary>The three levels of đôn đốc an issuer sends to a unit.</summary>
public enum UrgingKind
{
    /// <summary>Nhắc nhở.</summary>
    NhacNho,

    /// <summary>Phê bình.</summary>
    PheBinh,

    /// <summary>Yêu cầu kiểm điểm.</summary>
    KiemDiem,
}

namespace DirectiveHub.Dashboards;

/// <summary>
/// One unit's lifecycle figures for the dashboard's period (<see cref="LifecycleFigures"/>): what waits on the issuer
/// and for how long, what was returned or cancelled, deadlines missing or near, extensions, urgings by kind, and the
/// quality of accepted results.
/// </summary>
public sealed record LifecycleRow(
    Guid OrganizationId,
    string Name,
    int AwaitingConfirmation,
    int? OldestAwaitingDays,
    int Returned,
    int Cancelled,
    int NoDeadline,
    int DueSoon,
    int Extensions,
    int NhacNho,
    int PheBinh,
    int KiemDiem,
    int KhongDat,
    int Dat,
    int DatTot,
    int XuatSac);

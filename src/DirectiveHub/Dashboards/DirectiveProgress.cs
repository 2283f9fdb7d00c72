using DirectiveHub.Tracking;

namespace DirectiveHub.Dashboards;

/// <summary>A directive of the period with how its task assignments stand, and the directives that carry it out.</summary>
public sealed record DirectiveProgress(Guid Id, string? Number, string Subject, string? IssuerName, DateOnly? IssuedOn, int Assigned, int Done, int DoneLate, int Overdue, IReadOnlyList<TrackingCascade> Cascade)
{
    public int Open => Assigned - Done - DoneLate - Overdue;

    /// <summary>Results waiting for the issuer (chờ xác nhận), counted as on the lifecycle sheet; part of <see cref="Open"/>.</summary>
    public int AwaitingConfirmation { get; init; }

    /// <summary>Returned results the units must report again (bị trả lại); part of <see cref="Open"/> or <see cref="Overdue"/>.</summary>
    public int Returned { get; init; }

    /// <summary>Cancelled work (or refused and passed on): outside <see cref="Assigned"/> and the rates.</summary>
    public int Cancelled { get; init; }

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}

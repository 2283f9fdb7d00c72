using DirectiveHub.Tracking;

namespace DirectiveHub.Dashboards;

/// <summary>A directive of the period with how its task assignments stand, and the directives that carry it out.</summary>
public sealed record DirectiveProgress(Guid Id, string? Number, string Subject, string? IssuerName, DateOnly? IssuedOn, int Assigned, int Done, int DoneLate, int Overdue, IReadOnlyList<TrackingCascade> Cascade)
{
    public int Open => Assigned - Done - DoneLate - Overdue;

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}

namespace DirectiveHub.Numbering;

/// <summary>
/// The arrival numbers (số đến) of one receiving unit in one calendar year: the incoming register numbers what reaches
/// the unit from 1 each January (Nghị định 30/2020, Phụ lục IV). Like the outgoing registers, a number once given is
/// never given again, and the row is locked for the delivery's transaction so that numbers have no gaps.
/// </summary>
public sealed class ArrivalRegister
{
    private ArrivalRegister()
    {
    }

    public ArrivalRegister(Guid organizationId, int year)
    {
        if (year is < 1900 or > 9999)
        {
            throw new DomainException("Năm của sổ văn bản đến không hợp lệ.");
        }

        OrganizationId = organizationId;
        Year = year;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The highest arrival number given, 0 when nothing has arrived this year.</summary>
    public int LastIssued { get; private set; }

    public int Version { get; private set; }

    public int Allocate()
    {
        if (LastIssued >= NumberRegister.MaxSequence)
        {
            throw new DomainException($"Sổ văn bản đến năm {Year} đã dùng hết số (tối đa {NumberRegister.MaxSequence}).");
        }

        LastIssued++;
        return LastIssued;
    }
}

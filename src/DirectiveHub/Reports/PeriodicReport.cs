using System.Text.Json;

namespace DirectiveHub.Reports;

/// <summary>
/// A frozen periodic report ("Chốt số liệu"): its figures and lists as they stood when it was frozen, stored and never
/// recomputed, with who froze it and when; later issued as a numbered BC document to the level above.
/// </summary>
public sealed class PeriodicReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PeriodicReport()
    {
        PeriodCode = null!;
        ContentJson = null!;
        FrozenByName = null!;
    }

    public PeriodicReport(PeriodicReportContent content, Guid frozenById, string frozenByName, DateTime nowUtc)
    {
        OrganizationId = content.OrganizationId;
        PeriodCode = content.PeriodCode;
        From = content.From;
        To = content.To;
        ContentJson = JsonSerializer.Serialize(content, Json);
        FrozenById = frozenById;
        FrozenByName = frozenByName;
        FrozenAt = nowUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; private set; }

    public string PeriodCode { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>The snapshot, as JSON: written once at freezing.</summary>
    public string ContentJson { get; private set; }

    public Guid FrozenById { get; private set; }

    public string FrozenByName { get; private set; }

    public DateTime FrozenAt { get; private set; }

    /// <summary>The BC document the report was issued as, once issued.</summary>
    public Guid? DirectiveId { get; private set; }

    public string? Number { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    public int Version { get; private set; }

    public PeriodicReportContent Content => JsonSerializer.Deserialize<PeriodicReportContent>(ContentJson, Json)!;

    public void RecordIssued(Guid directiveId, string number, DateOnly issuedOn)
    {
        if (DirectiveId is not null)
        {
            throw new DomainException($"Báo cáo đã được ban hành với số {Number}.");
        }

        DirectiveId = directiveId;
        Number = number;
        IssuedOn = issuedOn;
    }
}

using DirectiveHub.Directives;

namespace DirectiveHub.Assignments;

/// <summary>A published directive as received by one recipient organization, with its acknowledgment of receipt.</summary>
public sealed class Assignment
{
    private Assignment()
    {
    }

    /// <summary>A receipt for a unit that took over another's open work (the 2025 reform).</summary>
    public static Assignment ForSuccessor(Guid directiveId, Guid organizationId, DateOnly? issuedOn, Urgency urgency) =>
        new(directiveId, organizationId, 1000, issuedOn, urgency);

    internal Assignment(Guid directiveId, Guid organizationId, int position, DateOnly? issuedOn, Urgency urgency)
    {
        DirectiveId = directiveId;
        OrganizationId = organizationId;
        Position = position;
        IssuedOn = issuedOn;
        Urgency = urgency;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public int Position { get; private set; }

    /// <summary>
    /// The directive's date and urgency, copied when it is published (a published directive never changes them): a
    /// unit's inbox is ordered by them, and with them on the receipt that order needs no join over years of directives.
    /// </summary>
    public DateOnly? IssuedOn { get; private set; }

    public Urgency Urgency { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public Guid? AcknowledgedById { get; private set; }

    /// <summary>The client's key for the acknowledgment (a phone's queued action), unique: a replay finds it recorded.</summary>
    public Guid? AcknowledgmentKey { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>The arrival number (số đến) in the unit's incoming register of <see cref="ArrivalYear"/>.</summary>
    public int? ArrivalNumber { get; private set; }

    public int? ArrivalYear { get; private set; }

    /// <summary>When the directive reached the unit (published to it, or registered by it as received).</summary>
    public DateTime? ArrivedAt { get; private set; }

    /// <summary>Enters the receipt in the unit's incoming register, once (see <see cref="Numbering.ArrivalNumbering"/>).</summary>
    public void RecordArrival(int arrivalNumber, int year, DateTime arrivedAtUtc)
    {
        if (ArrivalNumber is not null)
        {
            throw new InvalidOperationException("The receipt already has its arrival number.");
        }

        ArrivalNumber = arrivalNumber;
        ArrivalYear = year;
        ArrivedAt = arrivedAtUtc;
    }

    /// <summary>The most characters of a leader's instruction on the task slip: a paragraph or a few, as on paper.</summary>
    public const int MaxInstructionLength = 2000;

    /// <summary>The leader's instruction on the task slip (ý kiến chỉ đạo của lãnh đạo), as last written.</summary>
    public string? Instruction { get; private set; }

    public Guid? InstructedById { get; private set; }

    public DateTime? InstructedAt { get; private set; }

    /// <summary>
    /// Writes (or, with an empty text, clears) the leader's instruction on the task slip. Only the receiving unit's
    /// clerks and leaders may, which the caller has checked (<see cref="Registers.TaskSlipInstructions"/>).
    /// </summary>
    /// <returns>False when the text is the same as the one recorded (nothing changes).</returns>
    public bool RecordInstruction(string? text, Guid userId, DateTime nowUtc)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
        if (trimmed is { Length: > MaxInstructionLength })
        {
            throw new DomainException("Ý kiến chỉ đạo không quá 2.000 ký tự.", "instruction");
        }

        if (trimmed == Instruction)
        {
            return false;
        }

        Instruction = trimmed;
        InstructedById = trimmed is null ? null : userId;
        InstructedAt = trimmed is null ? null : nowUtc;
        return true;
    }

    /// <summary>Records who acknowledged and when, once: repeating it changes nothing.</summary>
    /// <returns>True when this call recorded the acknowledgment.</returns>
    public bool Acknowledge(Guid userId, DateTime nowUtc, Guid? idempotencyKey = null)
    {
        if (IsAcknowledged)
        {
            return false;
        }

        AcknowledgedAt = nowUtc;
        AcknowledgedById = userId;
        AcknowledgmentKey = idempotencyKey;
        return true;
    }
}

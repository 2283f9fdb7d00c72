namespace DirectiveHub.Numbering;

/// <summary>
/// A number register (sổ đăng ký văn bản đi) of one issuing organization, document type and period. Copies (BS) and
/// confidential documents have registers of their own. A number, once issued, is never reused.
/// </summary>
public sealed class NumberRegister
{
    private NumberRegister()
    {
        DocumentType = null!;
    }

    public NumberRegister(Guid issuerId, string documentType, bool isConfidential, NumberingPeriod period, DateOnly periodStart, DateOnly? periodEnd)
    {
        if (periodEnd is { } end && end < periodStart)
        {
            throw new DomainException("Ngày kết thúc kỳ đánh số phải sau ngày bắt đầu.");
        }

        IssuerId = issuerId;
        DocumentType = documentType;
        IsConfidential = isConfidential;
        Period = period;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid IssuerId { get; private set; }

    public string DocumentType { get; private set; }

    public bool IsConfidential { get; private set; }

    public NumberingPeriod Period { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    /// <summary>The highest number a register issues: far beyond any term's needs, and far from int overflow.</summary>
    public const int MaxSequence = 999_999;

    public int NextSequence { get; private set; } = 1;

    /// <summary>The highest number issued from this register, 0 when none.</summary>
    public int LastIssued { get; private set; }

    public int Version { get; private set; }

    /// <summary>A yearly register for the year of <paramref name="date"/>.</summary>
    public static NumberRegister ForYear(Guid issuerId, string documentType, bool isConfidential, int year) =>
        new(issuerId, documentType, isConfidential, NumberingPeriod.CalendarYear, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public bool Covers(DateOnly date) => date >= PeriodStart && (PeriodEnd is null || date <= PeriodEnd);

    public int Allocate()
    {
        if (NextSequence > MaxSequence)
        {
            throw new DomainException($"Sổ đăng ký đã dùng hết số (tối đa {MaxSequence}). Quản trị viên cần đặt lại số tiếp theo của sổ.");
        }

        var sequence = NextSequence;
        NextSequence = sequence + 1;
        LastIssued = sequence;
        return sequence;
    }

    /// <summary>
    /// Sets the next number, for an office that moves to DirectiveHub mid-term; a number already issued is refused.
    /// A register pushed past <see cref="MaxSequence"/> (a mistyped start number, before the bound existed) is
    /// recoverable: it may restart above <paramref name="highestInUse"/>, the highest in-bound number its documents hold.
    /// </summary>
    public void StartAt(int nextSequence, int? highestInUse = null)
    {
        if (nextSequence < 1)
        {
            throw new DomainException("Số bắt đầu phải lớn hơn 0.");
        }

        if (nextSequence > MaxSequence)
        {
            throw new DomainException($"Số tiếp theo không được lớn hơn {MaxSequence}.");
        }

        if (LastIssued > MaxSequence && highestInUse is { } used)
        {
            if (nextSequence <= used)
            {
                throw new DomainException($"Số {nextSequence} đã được cấp; số tiếp theo phải lớn hơn {used}.");
            }

            LastIssued = used;
            NextSequence = nextSequence;
            return;
        }

        if (nextSequence <= LastIssued)
        {
            throw new DomainException($"Số {nextSequence} đã được cấp; số tiếp theo phải lớn hơn {LastIssued}.");
        }

        NextSequence = nextSequence;
    }

    /// <summary>Records a number issued outside DirectiveHub (a directive registered from its text).</summary>
    public void RecordIssued(int sequence)
    {
        if (sequence is < 1 or > MaxSequence)
        {
            throw new DomainException($"Số văn bản phải từ 1 đến {MaxSequence}.");
        }

        LastIssued = Math.Max(LastIssued, sequence);
        NextSequence = Math.Max(NextSequence, sequence + 1);
    }

    /// <summary>
    /// Ends the period on <paramref name="lastDay"/> (its issuer dissolved): no number is given after it. A register
    /// whose period had not begun by then ends on its first day, never before it.
    /// </summary>
    public void CloseAfter(DateOnly lastDay)
    {
        PeriodEnd = lastDay < PeriodStart ? PeriodStart : lastDay;
    }
}

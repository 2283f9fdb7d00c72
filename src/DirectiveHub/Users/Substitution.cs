using System.Linq.Expressions;
using DirectiveHub.Time;

namespace DirectiveHub.Users;

/// <summary>
/// "X thay Y": while <see cref="AbsentUserId"/> is away (from and to, Vietnam dates, both included), another user of
/// the same unit acts for them: the absent user's handler duties show in the substitute's list, and what the substitute
/// does on them is recorded as done on the absent user's behalf. Ended early by the absent user; never edited.
/// </summary>
public sealed class Substitution
{
    /// <summary>A longer absence is a change of handler, not a substitute.</summary>
    public const int MaxDays = 180;

    /// <summary>How far ahead an absence may be planned.</summary>
    public const int MaxLeadDays = 365;

    private Substitution()
    {
    }

    private Substitution(Guid absentUserId, Guid substituteUserId, Guid organizationId, DateOnly from, DateOnly to, DateTime createdAtUtc)
    {
        AbsentUserId = absentUserId;
        SubstituteUserId = substituteUserId;
        OrganizationId = organizationId;
        From = from;
        To = to;
        CreatedAt = createdAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid AbsentUserId { get; private set; }

    public Guid SubstituteUserId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>In force on <paramref name="today"/> (a Vietnam date): begun, not over, not ended early.</summary>
    public static Expression<Func<Substitution, bool>> ActiveOn(DateOnly today) =>
        s => s.EndedAt == null && s.From <= today && s.To >= today;

    /// <summary>Not over yet on <paramref name="today"/>: active or still to come.</summary>
    public static Expression<Func<Substitution, bool>> CurrentOrComingOn(DateOnly today) =>
        s => s.EndedAt == null && s.To >= today;

    public bool IsActiveOn(DateOnly today) => EndedAt is null && From <= today && To >= today;

    /// <summary>
    /// Names <paramref name="substitute"/> for <paramref name="absent"/> from <paramref name="from"/> to
    /// <paramref name="to"/>. <paramref name="others"/> are the absent user's substitutions not over yet: periods may
    /// not overlap, so that at any day one person at most acts for them.
    /// </summary>
    public static Substitution Name(UnitMember absent, UnitMember substitute, DateOnly from, DateOnly to, DateOnly today, IEnumerable<Substitution> others, DateTime nowUtc)
    {
        if (substitute.UserId == absent.UserId)
        {
            throw new DomainException("Không thể tự thay chính mình: hãy chọn một người khác.", "substituteUserId");
        }

        if (substitute.OrganizationId != absent.OrganizationId || !substitute.IsActive)
        {
            throw new DomainException("Người thay phải là người dùng đang hoạt động của cùng đơn vị.", "substituteUserId");
        }

        if (from < today)
        {
            throw new DomainException($"Ngày bắt đầu không được trước hôm nay ({VietnamTime.ShortDate(today)}).", "from");
        }

        if (from > today.AddDays(MaxLeadDays))
        {
            throw new DomainException($"Ngày bắt đầu không được quá {MaxLeadDays} ngày kể từ hôm nay.", "from");
        }

        if (to < from)
        {
            throw new DomainException("Ngày kết thúc không được trước ngày bắt đầu.", "to");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new DomainException($"Thời gian vắng mặt không được quá {MaxDays} ngày.", "to");
        }

        if (others.FirstOrDefault(o => o.AbsentUserId == absent.UserId && o.EndedAt is null && o.From <= to && o.To >= from) is { } overlap)
        {
            throw new DomainException($"Đã có người thay từ {VietnamTime.ShortDate(overlap.From)} đến {VietnamTime.ShortDate(overlap.To)}: hãy kết thúc lần đó trước.", "from");
        }

        return new Substitution(absent.UserId, substitute.UserId, absent.OrganizationId, from, to, nowUtc);
    }

    /// <summary>The absent user ends it early (came back, or named the wrong person); one already over stays as it was.</summary>
    public void End(Guid userId, DateOnly today, DateTime nowUtc)
    {
        if (userId != AbsentUserId)
        {
            throw new DomainException("Chỉ người vắng mặt mới kết thúc việc thay mình.");
        }

        if (EndedAt is not null || To < today)
        {
            throw new Assignments.StateConflictException("Lần thay này đã kết thúc.");
        }

        EndedAt = nowUtc;
    }
}

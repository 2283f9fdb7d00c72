using DirectiveHub.Calendar;
using DirectiveHub.Time;
using DirectiveHub.Users;

namespace DirectiveHub.Assignments;

/// <summary>One task of a published directive as carried out by one responsible unit (lead or coordinator).</summary>
public sealed class TaskAssignment
{
    /// <summary>How far ahead an extension may reach: a year and a half beyond today is a new task, not an extension.</summary>
    public const int MaxExtensionDays = 550;

    private readonly List<ProgressReport> _reports = [];
    private readonly List<ExtensionRequest> _extensionRequests = [];
    private readonly List<Urging> _urgings = [];
    private readonly List<HandlerChange> _handlerChanges = [];

    private TaskAssignment()
    {
    }

    internal TaskAssignment(Guid directiveId, Guid taskId, Guid organizationId, AssignmentRole role, DateOnly? deadline, ReceiptDeadline? deadlineAfterReceipt = null)
    {
        DirectiveId = directiveId;
        TaskId = taskId;
        OrganizationId = organizationId;
        Role = role;
        Deadline = deadlineAfterReceipt is null ? deadline : null;
        DaysAfterReceipt = deadlineAfterReceipt?.Days;
        CountsWorkingDays = deadlineAfterReceipt?.WorkingDays ?? false;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DirectiveId { get; private set; }

    /// <summary>For queries (<see cref="TaskAssignmentState"/> reads the directive's status); not loaded by default.</summary>
    public Directives.Directive? Directive { get; private set; }

    public Guid TaskId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public AssignmentRole Role { get; private set; }

    /// <summary>
    /// The deadline in force. Copied from the task at publication when the task names a date; for a span after receipt
    /// it stays empty until the unit receives the directive (<see cref="FixDeadlineFromReceipt"/>). A superseding
    /// directive may move it.
    /// </summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>The task's span after receipt, copied at publication (a published directive never changes).</summary>
    public int? DaysAfterReceipt { get; private set; }

    public bool CountsWorkingDays { get; private set; }

    /// <summary>The Vietnam date the clock started from: the acknowledgment, or the delivery when none came in time.</summary>
    public DateOnly? ReceivedOn { get; private set; }

    public ReceiptDeadline? DeadlineAfterReceipt => DaysAfterReceipt is { } days ? new ReceiptDeadline(days, CountsWorkingDays) : null;

    /// <summary>A span after receipt whose start is not known yet: "Hạn tính từ ngày nhận: chưa xác định".</summary>
    public bool IsDeadlinePending => DaysAfterReceipt is not null && ReceivedOn is null;

    public ProgressStatus Status { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime? LastReportAt { get; private set; }

    /// <summary>
    /// When the overdue sweep sent this assignment's overdue notices; cleared when its deadline moves. It triggers
    /// notices only: whether the assignment is overdue is <see cref="TaskAssignmentState"/>'s to say.
    /// </summary>
    public DateTime? OverdueFlaggedAt { get; private set; }

    /// <summary>
    /// The deadline the alert ladder last reached a rung for, and that rung (<see cref="AlertLadder"/>). When the
    /// deadline in force moves (a superseding directive, an approved extension) it no longer matches, and the ladder
    /// starts again for the new deadline. The notices' unique keys, not these, guarantee each alert once.
    /// </summary>
    public DateOnly? AlertedDeadline { get; private set; }

    public AlertLevel? AlertedLevel { get; private set; }

    /// <summary>
    /// The rung to record once the ladder's alerts up to <paramref name="reached"/> went out for <paramref name="deadline"/>,
    /// or null when the recorded one already covers it. A rung recorded for another deadline no longer counts. The
    /// sweep writes it for many assignments at once (<see cref="OverdueSweep"/>), which is why it reads values, not an entity.
    /// </summary>
    public static AlertLevel? RungToRecord(DateOnly? alertedDeadline, AlertLevel? alertedLevel, DateOnly deadline, AlertLevel reached) =>
        alertedDeadline != deadline || alertedLevel is null || reached > alertedLevel ? reached : null;
    /// <summary>The deadline set at publication or receipt, kept once an approved extension moves <see cref="Deadline"/>.</summary>
    public DateOnly? OriginalDeadline { get; private set; }

    /// <summary>Approved extensions (số lần gia hạn).</summary>
    public int ExtensionCount { get; private set; }

    /// <summary>An extension request waits for the issuer's decision; at most one at a time.</summary>
    public bool HasPendingExtension { get; private set; }

    /// <summary>Results returned by the issuer (số lần trả lại).</summary>
    public int ReturnCount { get; private set; }

    /// <summary>Urgings sent (số lần đôn đốc).</summary>
    public int UrgingCount { get; private set; }

    /// <summary>When the result now awaiting confirmation (or accepted) was submitted.</summary>
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>The deadline in force when that result was submitted: the accepted result's timing is read against it.</summary>
    public DateOnly? SubmittedAgainst { get; private set; }

    public ResultQuality? Quality { get; private set; }

    public ResultTiming? Timing { get; private set; }

    public Guid? AcceptedById { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public Guid? CancelledById { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>The assignment that took over this refused one (giao lại).</summary>
    public Guid? ReassignedToId { get; private set; }

    /// <summary>Bumped on every change: two clerks deciding at once, the second save fails instead of overwriting.</summary>
    public int Version { get; private set; }

    public bool IsDone => Status is ProgressStatus.Done or ProgressStatus.DoneLate;

    /// <summary>Finished for good: accepted or cancelled. A refused assignment is not: the issuer still has to act.</summary>
    public bool IsClosed => Status is ProgressStatus.Done or ProgressStatus.DoneLate or ProgressStatus.Cancelled;

    /// <summary>The unit is to act: it may report, ask for an extension, refuse, and be urged.</summary>
    public bool IsWithUnit => Status is ProgressStatus.NotStarted or ProgressStatus.InProgress or ProgressStatus.Blocked or ProgressStatus.Returned;

    public IReadOnlyList<ProgressReport> Reports => _reports;

    public IReadOnlyList<ExtensionRequest> ExtensionRequests => _extensionRequests;

    public IReadOnlyList<Urging> Urgings => _urgings;

    /// <summary>Who handled the assignment inside the unit, oldest first (lịch sử phân công xử lý).</summary>
    public IReadOnlyList<HandlerChange> HandlerChanges => _handlerChanges;

    /// <summary>The officer of the receiving unit who handles it (người xử lý); null until a clerk or leader names one.</summary>
    public Guid? HandlerUserId { get; private set; }

    /// <summary>The officer who follows it beside the handler (người theo dõi), if any.</summary>
    public Guid? FollowerUserId { get; private set; }

    public DateTime? HandlerAssignedAt { get; private set; }

    /// <summary>
    /// Phân công xử lý: a clerk or leader of the receiving unit names the officer of that unit who handles the
    /// assignment, and optionally a follower. Reassigning is allowed while the work is open and each change is kept.
    /// </summary>
    /// <param name="assignerOrganizationId">The assigner's unit: only the receiving unit assigns its own officers.</param>
    /// <param name="assignerLeadsUnit">The assigner is a clerk, leader or administrator of that unit.</param>
    /// <param name="onBehalfOfUserId">The absent user the assigner stands in for, if any ("X thay Y").</param>
    public HandlerChange AssignHandler(UnitMember handler, UnitMember? follower, Guid assignerId, Guid assignerOrganizationId, bool assignerLeadsUnit, DateTime nowUtc, Guid? onBehalfOfUserId = null)
    {
        if (assignerOrganizationId != OrganizationId || !assignerLeadsUnit)
        {
            throw new DomainException("Chỉ văn thư hoặc lãnh đạo của đơn vị được giao nhiệm vụ mới phân công người xử lý.");
        }

        if (IsClosed || Status == ProgressStatus.Refused)
        {
            throw new StateConflictException($"Không phân công được: nhiệm vụ {StatusText(Status)}.");
        }

        if (handler.OrganizationId != OrganizationId || !handler.IsActive)
        {
            throw new DomainException("Người xử lý phải là cán bộ đang hoạt động của đơn vị được giao nhiệm vụ.", "handlerUserId");
        }

        if (follower is not null)
        {
            if (follower.UserId == handler.UserId)
            {
                throw new DomainException("Người theo dõi phải khác người xử lý.", "followerUserId");
            }

            if (follower.OrganizationId != OrganizationId || !follower.IsActive)
            {
                throw new DomainException("Người theo dõi phải là cán bộ đang hoạt động của đơn vị được giao nhiệm vụ.", "followerUserId");
            }
        }

        if (HandlerUserId == handler.UserId && FollowerUserId == follower?.UserId)
        {
            throw new DomainException("Nhiệm vụ đã được phân công đúng như vậy.", "handlerUserId");
        }

        var change = new HandlerChange(Id, handler.UserId, follower?.UserId, assignerId, onBehalfOfUserId, nowUtc);
        _handlerChanges.Add(change);
        HandlerUserId = handler.UserId;
        FollowerUserId = follower?.UserId;
        HandlerAssignedAt = nowUtc;
        return change;
    }

    /// <summary>
    /// Whether the deadline has passed at <paramref name="nowUtc"/> with the work still the unit's to do: a result
    /// awaiting confirmation waits on the issuer, and refused or cancelled work is nobody's to chase.
    /// </summary>
    public bool IsLateAt(DateTime nowUtc) =>
        IsWithUnit && Deadline is { } deadline && nowUtc >= VietnamTime.LateFromUtc(deadline);

    /// <summary>
    /// Records a progress report. Acknowledgment of the directive must come first; a note is required for blocked.
    /// "Done" is a result, not a click: it needs the reporting document (<paramref name="result"/>) or evidence files,
    /// and the assignment then waits for the issuer (<see cref="ProgressStatus.AwaitingConfirmation"/>).
    /// </summary>
    /// <exception cref="StateConflictException">The assignment is not the unit's to report on now.</exception>
    public ProgressReport Report(Assignment receipt, ProgressStatus status, string? note, Guid userId, DateTime nowUtc, Guid? idempotencyKey = null, ResultDocument? result = null, bool hasEvidence = false, Guid? onBehalfOfUserId = null)
    {
        CheckReceipt(receipt);
        if (!receipt.IsAcknowledged)
        {
            throw new DomainException("Cần xác nhận đã nhận văn bản trước khi báo cáo tiến độ.");
        }

        if (status is not (ProgressStatus.NotStarted or ProgressStatus.InProgress or ProgressStatus.Blocked or ProgressStatus.Done))
        {
            throw new DomainException("Trạng thái này do hệ thống hoặc cấp ủy giao việc xác định, đơn vị không tự báo cáo.", "status");
        }

        EnsureWithUnit("báo cáo tiến độ");
        if (status == ProgressStatus.Blocked && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("Cần ghi nội dung khi báo cáo gặp vướng mắc.", "note");
        }

        if (status == ProgressStatus.Done)
        {
            if (result is null && !hasEvidence)
            {
                throw new DomainException("Báo cáo hoàn thành cần có kết quả: số và ngày của văn bản báo cáo, hoặc tệp minh chứng.", "result");
            }

            if (result is not null)
            {
                CheckResult(result, nowUtc);
            }

            status = ProgressStatus.AwaitingConfirmation;
            SubmittedAt = nowUtc;
            SubmittedAgainst = Deadline;
        }

        var report = new ProgressReport(status, note, userId, nowUtc, idempotencyKey, status == ProgressStatus.AwaitingConfirmation ? result : null, onBehalfOfUserId);
        _reports.Add(report);
        Status = status;
        LastReportAt = nowUtc;
        return report;
    }

    /// <summary>
    /// The issuer's decision on the result awaiting confirmation: accepted with a quality grade (done, on time or late
    /// against the deadline in force when it was submitted) or returned with a reason (the unit reports again).
    /// </summary>
    /// <param name="reviewerOrganizationId">The reviewer's unit: never the assignee itself.</param>
    public void Review(ReviewDecision decision, ResultQuality? quality, string? reason, Guid reviewerId, Guid reviewerOrganizationId, DateTime nowUtc)
    {
        if (reviewerOrganizationId == OrganizationId)
        {
            throw new DomainException("Đơn vị thực hiện không tự xác nhận kết quả của mình.");
        }

        if (Status != ProgressStatus.AwaitingConfirmation)
        {
            throw new StateConflictException($"Nhiệm vụ không chờ xác nhận (hiện: {StatusText(Status)}).");
        }

        var submitted = _reports.LastOrDefault(r => r.IsResult);
        if (decision == ReviewDecision.Accept)
        {
            if (quality is not { } grade || !Enum.IsDefined(grade))
            {
                throw new DomainException("Cần chọn mức chất lượng: Không đạt, Đạt, Đạt tốt hoặc Xuất sắc.", "quality");
            }

            var at = SubmittedAt ?? nowUtc;
            var day = VietnamTime.DateOf(at);
            Timing = SubmittedAgainst is not { } due ? ResultTiming.OnTime : day < due ? ResultTiming.Early : day == due ? ResultTiming.OnTime : ResultTiming.Late;
            Status = Timing == ResultTiming.Late ? ProgressStatus.DoneLate : ProgressStatus.Done;
            Quality = grade;
            AcceptedById = reviewerId;
            AcceptedAt = nowUtc;
            CompletedAt = at;
            HasPendingExtension = false;
            foreach (var pending in _extensionRequests.Where(r => r.IsPending))
            {
                pending.Decide(false, "Nhiệm vụ đã hoàn thành.", reviewerId, nowUtc);
            }

            submitted?.Reviewed(decision, grade, reason, reviewerId, nowUtc);
            return;
        }

        if (decision != ReviewDecision.Return)
        {
            throw new DomainException("Quyết định phải là Accept hoặc Return.", "decision");
        }

        RequireText(reason, "reason", "Cần ghi lý do trả lại.", ExtensionRequest.MaxReasonLength);
        Status = ProgressStatus.Returned;
        ReturnCount++;
        SubmittedAt = null;
        SubmittedAgainst = null;
        submitted?.Reviewed(decision, null, reason, reviewerId, nowUtc);
    }

    /// <summary>Xin gia hạn: the unit proposes a later deadline with a reason; one request waits at a time.</summary>
    public ExtensionRequest RequestExtension(DateOnly proposedDeadline, string? reason, Guid userId, DateTime nowUtc)
    {
        EnsureWithUnit("xin gia hạn");
        if (HasPendingExtension)
        {
            throw new StateConflictException("Đã có một đề nghị gia hạn đang chờ cấp ủy quyết định.");
        }

        if (Deadline is not { } deadline)
        {
            throw new DomainException("Nhiệm vụ chưa có thời hạn: không cần xin gia hạn.", "proposedDeadline");
        }

        if (proposedDeadline <= deadline)
        {
            throw new DomainException($"Hạn đề nghị phải sau thời hạn hiện tại ({VietnamTime.ShortDate(deadline)}).", "proposedDeadline");
        }

        if (proposedDeadline > VietnamTime.DateOf(nowUtc).AddDays(MaxExtensionDays))
        {
            throw new DomainException($"Hạn đề nghị không được quá {MaxExtensionDays} ngày kể từ hôm nay.", "proposedDeadline");
        }

        RequireText(reason, "reason", "Cần ghi lý do xin gia hạn.", ExtensionRequest.MaxReasonLength);
        var request = new ExtensionRequest(Id, deadline, proposedDeadline, reason!.Trim(), userId, nowUtc);
        _extensionRequests.Add(request);
        HasPendingExtension = true;
        return request;
    }

    /// <summary>
    /// The issuer approves (the deadline in force becomes the proposed date; the first deadline is kept) or refuses
    /// (with a reason) a pending extension request.
    /// </summary>
    public void DecideExtension(Guid requestId, bool approve, string? reason, Guid userId, Guid deciderOrganizationId, DateTime nowUtc)
    {
        var request = _extensionRequests.SingleOrDefault(r => r.Id == requestId)
            ?? throw new InvalidOperationException("The request belongs to another assignment.");
        if (deciderOrganizationId == OrganizationId)
        {
            throw new DomainException("Đơn vị thực hiện không tự quyết định gia hạn cho mình.");
        }

        if (!request.IsPending)
        {
            throw new StateConflictException("Đề nghị gia hạn này đã được quyết định.");
        }

        if (!IsWithUnit)
        {
            throw new StateConflictException($"Không còn gia hạn được: nhiệm vụ {StatusText(Status)}.");
        }

        if (!approve)
        {
            RequireText(reason, "reason", "Cần ghi lý do không đồng ý gia hạn.", ExtensionRequest.MaxReasonLength);
        }
        else if (reason?.Length > ExtensionRequest.MaxReasonLength)
        {
            throw new DomainException($"Không được dài quá {ExtensionRequest.MaxReasonLength} ký tự.", "reason");
        }

        request.Decide(approve, reason, userId, nowUtc);
        HasPendingExtension = false;
        if (approve)
        {
            OriginalDeadline ??= Deadline;
            ExtensionCount++;
            MoveDeadline(request.ProposedDeadline, nowUtc);
        }
    }

    /// <summary>Đôn đốc: immutable once sent; only work still in the unit's hands is urged.</summary>
    public Urging Urge(UrgingKind kind, string? text, DateOnly? reportBy, Guid userId, Guid senderOrganizationId, DateTime nowUtc)
    {
        if (senderOrganizationId == OrganizationId)
        {
            throw new DomainException("Đơn vị không tự đôn đốc nhiệm vụ của mình.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Hình thức đôn đốc phải là NhacNho, PheBinh hoặc KiemDiem.", "kind");
        }

        if (!IsWithUnit)
        {
            throw new StateConflictException($"Không cần đôn đốc: nhiệm vụ {StatusText(Status)}.");
        }

        RequireText(text, "text", "Cần ghi nội dung đôn đốc.", Urging.MaxTextLength);
        if (reportBy is { } by && (by < VietnamTime.DateOf(nowUtc) || by > VietnamTime.DateOf(nowUtc).AddDays(MaxExtensionDays)))
        {
            throw new DomainException("Ngày yêu cầu báo cáo phải từ hôm nay trở đi.", "reportBy");
        }

        var urging = new Urging(Id, kind, text!.Trim(), reportBy, userId, senderOrganizationId, nowUtc);
        _urgings.Add(urging);
        UrgingCount++;
        return urging;
    }

    /// <summary>Từ chối: the unit says the task is not its remit; the issuer then reassigns or cancels it.</summary>
    public ProgressReport Refuse(Assignment receipt, string? reason, Guid userId, DateTime nowUtc, Guid? onBehalfOfUserId = null)
    {
        CheckReceipt(receipt);
        EnsureWithUnit("từ chối");
        RequireText(reason, "reason", "Cần ghi lý do từ chối.", ExtensionRequest.MaxReasonLength);
        var report = new ProgressReport(ProgressStatus.Refused, reason, userId, nowUtc, onBehalfOfUserId: onBehalfOfUserId);
        _reports.Add(report);
        Status = ProgressStatus.Refused;
        LastReportAt = nowUtc;
        CancelPendingExtension(userId, nowUtc, "Đơn vị đã từ chối nhiệm vụ.");
        return report;
    }

    /// <summary>Hủy: the issuer cancels the assignment with a reason; finished work cannot be cancelled.</summary>
    public void Cancel(string? reason, Guid userId, Guid cancellerOrganizationId, DateTime nowUtc)
    {
        if (cancellerOrganizationId == OrganizationId)
        {
            throw new DomainException("Đơn vị thực hiện không tự hủy nhiệm vụ; hãy dùng \"Từ chối\".");
        }

        if (IsClosed)
        {
            throw new StateConflictException($"Không hủy được: nhiệm vụ {StatusText(Status)}.");
        }

        RequireText(reason, "reason", "Cần ghi lý do hủy.", ExtensionRequest.MaxReasonLength);
        Status = ProgressStatus.Cancelled;
        CancelledAt = nowUtc;
        CancelledById = userId;
        CancellationReason = reason!.Trim();
        CancelPendingExtension(userId, nowUtc, "Nhiệm vụ đã bị hủy.");
    }

    /// <summary>
    /// Giao lại: a refused assignment passes to <paramref name="organizationId"/>, with the same role and the deadline
    /// in force (or, for a span after receipt, the same span, counted from that unit's receipt).
    /// </summary>
    public TaskAssignment ReassignTo(Guid organizationId, Guid reassignerOrganizationId)
    {
        if (Status != ProgressStatus.Refused || ReassignedToId is not null)
        {
            throw new StateConflictException(ReassignedToId is not null ? "Nhiệm vụ đã được giao lại." : $"Chỉ giao lại nhiệm vụ bị từ chối (hiện: {StatusText(Status)}).");
        }

        if (organizationId == OrganizationId || organizationId == reassignerOrganizationId)
        {
            throw new DomainException("Hãy chọn một đơn vị khác để giao lại.", "organizationId");
        }

        var successor = new TaskAssignment(DirectiveId, TaskId, organizationId, Role, DaysAfterReceipt is null ? Deadline : null, DeadlineAfterReceipt);
        ReassignedToId = successor.Id;
        return successor;
    }

    /// <summary>
    /// A task keeps at least one lead unit while any of its work is open: a lead may leave (cancelled or reassigned
    /// away) only when another open lead remains or nothing else is open.
    /// </summary>
    public static void EnsureLeadRemains(IReadOnlyCollection<TaskAssignment> taskAssignments, TaskAssignment leaving)
    {
        if (leaving.Role != AssignmentRole.Lead)
        {
            return;
        }

        var others = taskAssignments.Where(t => t.Id != leaving.Id && !t.IsClosed && t.Status != ProgressStatus.Refused).ToList();
        if (others.Count > 0 && others.All(t => t.Role != AssignmentRole.Lead))
        {
            throw new DomainException("Nhiệm vụ còn đơn vị phối hợp đang thực hiện nên phải có đơn vị chủ trì: hãy giao lại cho đơn vị khác hoặc hủy cả nhiệm vụ.");
        }
    }

    public static string StatusText(ProgressStatus status) => status switch
    {
        ProgressStatus.NotStarted => "chưa thực hiện",
        ProgressStatus.InProgress => "đang thực hiện",
        ProgressStatus.Blocked => "gặp vướng mắc",
        ProgressStatus.Done => "đã hoàn thành",
        ProgressStatus.DoneLate => "hoàn thành trễ hạn",
        ProgressStatus.AwaitingConfirmation => "chờ xác nhận",
        ProgressStatus.Returned => "bị trả lại",
        ProgressStatus.Refused => "đã từ chối",
        _ => "đã hủy",
    };

    private void CheckReceipt(Assignment receipt)
    {
        if (receipt.DirectiveId != DirectiveId || receipt.OrganizationId != OrganizationId)
        {
            throw new InvalidOperationException("The receipt belongs to another directive or unit.");
        }
    }

    private void EnsureWithUnit(string action)
    {
        if (!IsWithUnit)
        {
            throw new StateConflictException($"Không thể {action}: nhiệm vụ {StatusText(Status)}.");
        }
    }

    private void CancelPendingExtension(Guid userId, DateTime nowUtc, string reason)
    {
        foreach (var pending in _extensionRequests.Where(r => r.IsPending))
        {
            pending.Decide(false, reason, userId, nowUtc);
        }

        HasPendingExtension = false;
    }

    private static void CheckResult(ResultDocument result, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(result.Number) || result.Number.Length > ResultDocument.MaxNumberLength)
        {
            throw new DomainException($"Số và ký hiệu văn bản báo cáo phải có, không quá {ResultDocument.MaxNumberLength} ký tự.", "result.number");
        }

        if (result.IssuedOn > VietnamTime.DateOf(nowUtc) || result.IssuedOn.Year < 2000)
        {
            throw new DomainException("Ngày của văn bản báo cáo không được sau hôm nay.", "result.issuedOn");
        }
    }

    private static void RequireText(string? text, string field, string message, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(message, field);
        }

        if (text.Length > maxLength)
        {
            throw new DomainException($"Không được dài quá {maxLength} ký tự.", field);
        }
    }

    /// <summary>Flags the assignment as overdue once; returns false when there is nothing to flag.</summary>
    public bool MarkOverdue(DateTime nowUtc)
    {
        if (OverdueFlaggedAt is not null || !IsLateAt(nowUtc))
        {
            return false;
        }

        OverdueFlaggedAt = nowUtc;
        return true;
    }

    /// <summary>
    /// Starts the clock of a deadline counted from receipt, once: the deadline in force becomes the date
    /// <see cref="DaysAfterReceipt"/> (working or calendar) days after <paramref name="receivedOn"/>.
    /// </summary>
    /// <returns>True when this call fixed the deadline; false when it had no span after receipt or was fixed before.</returns>
    public bool FixDeadlineFromReceipt(DateOnly receivedOn, WorkingCalendar calendar)
    {
        if (DeadlineAfterReceipt is not { } span || ReceivedOn is not null)
        {
            return false;
        }

        ReceivedOn = receivedOn;
        Deadline = span.DueFrom(receivedOn, calendar);
        return true;
    }

    /// <summary>The unit was dissolved or merged: its open work passes to the unit that took over.</summary>
    public void TransferTo(Guid successorId)
    {
        if (IsClosed)
        {
            throw new InvalidOperationException("Finished work stays with the unit that did it.");
        }

        OrganizationId = successorId;
    }

    /// <summary>A superseding directive moved the deadline: an overdue flag that no longer holds is cleared.</summary>
    public void MoveDeadline(DateOnly? deadline, DateTime nowUtc)
    {
        if (deadline != Deadline)
        {
            // The ladder starts again for the new deadline.
            AlertedDeadline = null;
            AlertedLevel = null;
        }

        Deadline = deadline;
        if (OverdueFlaggedAt is not null && !IsLateAt(nowUtc))
        {
            OverdueFlaggedAt = null;
        }
    }
}

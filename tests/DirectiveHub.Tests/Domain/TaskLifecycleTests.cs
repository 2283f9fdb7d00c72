using DirectiveHub.Assignments;

namespace DirectiveHub.Tests.Domain;

/// <summary>The task assignment's state machine: every allowed transition, and every refused one with its reason.</summary>
public sealed class TaskLifecycleTests
{
    private static readonly DateTime PublishedAt = new(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Deadline = new(2026, 11, 30);
    private static readonly ResultDocument Result = new("12-BC/ĐU", new DateOnly(2026, 11, 3));
    private readonly TreeBuilder _tree = new();
    private readonly Guid _officer = Guid.NewGuid();
    private readonly Guid _clerk = Guid.NewGuid();

    private Guid Issuer => _tree.District.Id;

    private Guid Unit => _tree.CommuneA.Id;

    public static TheoryData<ProgressStatus> AllStatuses() => new(Enum.GetValues<ProgressStatus>());

    [Fact]
    public void Done_with_a_result_waits_for_the_issuer_and_only_acceptance_makes_it_done()
    {
        var (receipt, task) = Published();
        receipt.Acknowledge(_officer, PublishedAt);
        var at = new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
        var report = task.Report(receipt, ProgressStatus.Done, null, _officer, at, result: Result);

        Assert.Equal(ProgressStatus.AwaitingConfirmation, task.Status);
        Assert.Equal(("12-BC/ĐU", new DateOnly(2026, 11, 3)), (report.ResultNumber, report.ResultIssuedOn));
        Assert.Equal(at, task.SubmittedAt);
        Assert.False(task.IsDone);
        Assert.False(task.IsLateAt(at.AddDays(30)));

        task.Review(ReviewDecision.Accept, ResultQuality.DatTot, null, _clerk, Issuer, at.AddDays(20));

        Assert.Equal(ProgressStatus.Done, task.Status);
        Assert.Equal(ResultTiming.Early, task.Timing);
        Assert.Equal(ResultQuality.DatTot, task.Quality);
        Assert.Equal(at, task.CompletedAt);
        Assert.Equal((ReviewDecision.Accept, ResultQuality.DatTot), (report.Review!.Value, report.Quality!.Value));
    }

    [Fact]
    public void Timing_is_read_against_the_deadline_when_the_result_was_submitted_in_Vietnam_time()
    {
        // 23:00 on 30/11 in Vietnam is 16:00 UTC: on the deadline's day, on time; accepted days later it stays on time.
        var onTime = Accepted(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc));
        Assert.Equal((ProgressStatus.Done, ResultTiming.OnTime), (onTime.Status, onTime.Timing!.Value));

        var late = Accepted(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc));
        Assert.Equal((ProgressStatus.DoneLate, ResultTiming.Late), (late.Status, late.Timing!.Value));
    }

    [Fact]
    public void A_returned_result_goes_back_to_the_unit_is_counted_and_can_be_reported_again()
    {
        var (receipt, task) = Acknowledged();
        task.Report(receipt, ProgressStatus.Done, null, _officer, PublishedAt.AddDays(3), result: Result);

        Assert.Equal("reason", Assert.Throws<DomainException>(() => task.Review(ReviewDecision.Return, null, " ", _clerk, Issuer, PublishedAt.AddDays(4))).Field);
        task.Review(ReviewDecision.Return, null, "Thiếu số liệu", _clerk, Issuer, PublishedAt.AddDays(4));

        Assert.Equal(ProgressStatus.Returned, task.Status);
        Assert.Equal(1, task.ReturnCount);
        Assert.Null(task.SubmittedAt);
        Assert.Equal("Thiếu số liệu", task.Reports[^1].ReviewNote);

        task.Report(receipt, ProgressStatus.Done, null, _officer, PublishedAt.AddDays(5), hasEvidence: true);
        task.Review(ReviewDecision.Accept, ResultQuality.Dat, null, _clerk, Issuer, PublishedAt.AddDays(6));
        Assert.Equal(ProgressStatus.Done, task.Status);
        Assert.Equal(1, task.ReturnCount);
    }

    [Fact]
    public void Done_without_a_result_document_or_evidence_is_refused_and_nothing_changes()
    {
        var (receipt, task) = Acknowledged();
        var error = Assert.Throws<DomainException>(() => task.Report(receipt, ProgressStatus.Done, "Xong", _officer, PublishedAt.AddDays(1)));

        Assert.Equal("result", error.Field);
        Assert.Equal(ProgressStatus.NotStarted, task.Status);
        Assert.Empty(task.Reports);
        Assert.Equal("result.number", Assert.Throws<DomainException>(() => task.Report(receipt, ProgressStatus.Done, null, _officer, PublishedAt.AddDays(1), result: new ResultDocument(" ", Result.IssuedOn))).Field);
        Assert.Equal("result.issuedOn", Assert.Throws<DomainException>(() => task.Report(receipt, ProgressStatus.Done, null, _officer, PublishedAt.AddDays(1), result: new ResultDocument("1-BC/ĐU", new DateOnly(2027, 1, 1)))).Field);
    }

    [Theory]
    [InlineData(ProgressStatus.DoneLate)]
    [InlineData(ProgressStatus.AwaitingConfirmation)]
    [InlineData(ProgressStatus.Returned)]
    [InlineData(ProgressStatus.Refused)]
    [InlineData(ProgressStatus.Cancelled)]
    public void A_unit_cannot_report_a_status_that_others_decide(ProgressStatus status)
    {
        var (receipt, task) = Acknowledged();
        Assert.Equal("status", Assert.Throws<DomainException>(() => task.Report(receipt, status, "x", _officer, PublishedAt.AddDays(1), result: Result)).Field);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Reporting_is_allowed_only_while_the_work_is_in_the_units_hands(ProgressStatus state)
    {
        var (receipt, task) = InState(state);
        var allowed = state is ProgressStatus.NotStarted or ProgressStatus.InProgress or ProgressStatus.Blocked or ProgressStatus.Returned;

        var action = () => task.Report(receipt, ProgressStatus.InProgress, null, _officer, PublishedAt.AddDays(8));

        if (allowed)
        {
            action();
            Assert.Equal(ProgressStatus.InProgress, task.Status);
        }
        else
        {
            Assert.Throws<StateConflictException>(action);
            Assert.Equal(state, task.Status);
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Review_is_allowed_only_on_a_result_awaiting_confirmation(ProgressStatus state)
    {
        var (_, task) = InState(state);
        var action = () => task.Review(ReviewDecision.Accept, ResultQuality.Dat, null, _clerk, Issuer, PublishedAt.AddDays(9));

        if (state == ProgressStatus.AwaitingConfirmation)
        {
            action();
            Assert.True(task.IsDone);
            Assert.Throws<StateConflictException>(action);
        }
        else
        {
            Assert.Throws<StateConflictException>(action);
            Assert.Equal(state, task.Status);
        }
    }

    [Fact]
    public void The_assignee_never_reviews_its_own_result_and_acceptance_needs_a_quality()
    {
        var (_, task) = InState(ProgressStatus.AwaitingConfirmation);

        Assert.Throws<DomainException>(() => task.Review(ReviewDecision.Accept, ResultQuality.Dat, null, _officer, Unit, PublishedAt.AddDays(9)));
        Assert.Equal("quality", Assert.Throws<DomainException>(() => task.Review(ReviewDecision.Accept, null, null, _clerk, Issuer, PublishedAt.AddDays(9))).Field);
        Assert.Equal(ProgressStatus.AwaitingConfirmation, task.Status);
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_keeps_the_original_and_is_counted()
    {
        var (_, task) = Acknowledged();
        var now = PublishedAt.AddDays(5);
        var request = task.RequestExtension(new DateOnly(2026, 12, 15), "Chờ số liệu của các chi bộ", _officer, now);

        Assert.True(task.HasPendingExtension);
        Assert.Equal(Deadline, task.Deadline);
        Assert.Throws<StateConflictException>(() => task.RequestExtension(new DateOnly(2026, 12, 20), "Lần nữa", _officer, now));

        task.DecideExtension(request.Id, true, null, _clerk, Issuer, now.AddDays(1));

        Assert.Equal((new DateOnly(2026, 12, 15), Deadline, 1), (task.Deadline!.Value, task.OriginalDeadline!.Value, task.ExtensionCount));
        Assert.Equal(ExtensionDecision.Approved, request.Decision);
        Assert.False(task.HasPendingExtension);
        Assert.Throws<StateConflictException>(() => task.DecideExtension(request.Id, false, "Đổi ý", _clerk, Issuer, now.AddDays(2)));

        var second = task.RequestExtension(new DateOnly(2026, 12, 31), "Thêm thời gian", _officer, now.AddDays(3));
        task.DecideExtension(second.Id, true, null, _clerk, Issuer, now.AddDays(4));
        Assert.Equal((new DateOnly(2026, 12, 31), Deadline, 2), (task.Deadline!.Value, task.OriginalDeadline!.Value, task.ExtensionCount));
    }

    [Fact]
    public void A_refused_extension_needs_a_reason_and_leaves_the_deadline()
    {
        var (_, task) = Acknowledged();
        var request = task.RequestExtension(new DateOnly(2026, 12, 15), "Lý do", _officer, PublishedAt.AddDays(5));

        Assert.Equal("reason", Assert.Throws<DomainException>(() => task.DecideExtension(request.Id, false, null, _clerk, Issuer, PublishedAt.AddDays(6))).Field);
        Assert.Throws<DomainException>(() => task.DecideExtension(request.Id, true, null, _officer, Unit, PublishedAt.AddDays(6)));
        task.DecideExtension(request.Id, false, "Nhiệm vụ cấp bách", _clerk, Issuer, PublishedAt.AddDays(6));

        Assert.Equal((Deadline, 0, (DateOnly?)null), (task.Deadline!.Value, task.ExtensionCount, task.OriginalDeadline));
        Assert.Equal(ExtensionDecision.Refused, request.Decision);
    }

    [Fact]
    public void An_extension_must_propose_a_later_bounded_date_with_a_reason()
    {
        var (_, task) = Acknowledged();
        var now = PublishedAt.AddDays(5);

        Assert.Equal("proposedDeadline", Assert.Throws<DomainException>(() => task.RequestExtension(Deadline, "Lý do", _officer, now)).Field);
        Assert.Equal("proposedDeadline", Assert.Throws<DomainException>(() => task.RequestExtension(new DateOnly(2029, 1, 1), "Lý do", _officer, now)).Field);
        Assert.Equal("reason", Assert.Throws<DomainException>(() => task.RequestExtension(new DateOnly(2026, 12, 15), "", _officer, now)).Field);
        Assert.Empty(task.ExtensionRequests);
    }

    [Fact]
    public void An_extension_decided_after_the_result_was_submitted_is_a_conflict()
    {
        var (receipt, task) = Acknowledged();
        var request = task.RequestExtension(new DateOnly(2026, 12, 15), "Lý do", _officer, PublishedAt.AddDays(5));
        task.Report(receipt, ProgressStatus.Done, null, _officer, PublishedAt.AddDays(6), result: Result);

        Assert.Throws<StateConflictException>(() => task.DecideExtension(request.Id, true, null, _clerk, Issuer, PublishedAt.AddDays(7)));
        Assert.Equal(Deadline, task.Deadline);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Extensions_are_requested_only_while_the_work_is_in_the_units_hands(ProgressStatus state)
    {
        var (_, task) = InState(state);
        var action = () => task.RequestExtension(new DateOnly(2027, 1, 15), "Lý do", _officer, PublishedAt.AddDays(8));
        if (task.IsWithUnit)
        {
            action();
            Assert.True(task.HasPendingExtension);
        }
        else
        {
            Assert.Throws<StateConflictException>(action);
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Urgings_reach_only_work_in_the_units_hands_and_are_counted(ProgressStatus state)
    {
        var (_, task) = InState(state);
        var action = () => task.Urge(UrgingKind.PheBinh, "Đề nghị báo cáo ngay", new DateOnly(2026, 11, 25), _clerk, Issuer, PublishedAt.AddDays(8));
        if (task.IsWithUnit)
        {
            var urging = action();
            Assert.Equal((UrgingKind.PheBinh, 1), (urging.Kind, task.UrgingCount));
        }
        else
        {
            Assert.Throws<StateConflictException>(action);
            Assert.Equal(0, task.UrgingCount);
        }
    }

    [Fact]
    public void An_urging_needs_a_text_a_kind_and_a_report_date_not_in_the_past()
    {
        var (_, task) = Acknowledged();
        var now = PublishedAt.AddDays(8);
        Assert.Equal("text", Assert.Throws<DomainException>(() => task.Urge(UrgingKind.NhacNho, " ", null, _clerk, Issuer, now)).Field);
        Assert.Equal("kind", Assert.Throws<DomainException>(() => task.Urge((UrgingKind)9, "x", null, _clerk, Issuer, now)).Field);
        Assert.Equal("reportBy", Assert.Throws<DomainException>(() => task.Urge(UrgingKind.NhacNho, "x", new DateOnly(2026, 11, 1), _clerk, Issuer, now)).Field);
        Assert.Throws<DomainException>(() => task.Urge(UrgingKind.NhacNho, "x", null, _officer, Unit, now));
        Assert.Equal(0, task.UrgingCount);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Refusal_is_the_units_while_the_work_is_in_its_hands(ProgressStatus state)
    {
        var (receipt, task) = InState(state);
        var action = () => task.Refuse(receipt, "Không thuộc chức năng của đơn vị", _officer, PublishedAt.AddDays(8));
        if (task.IsWithUnit)
        {
            action();
            Assert.Equal(ProgressStatus.Refused, task.Status);
        }
        else
        {
            Assert.Throws<StateConflictException>(action);
            Assert.Equal(state, task.Status);
        }
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Cancellation_is_the_issuers_on_anything_not_finished(ProgressStatus state)
    {
        var (_, task) = InState(state);
        var action = () => task.Cancel("Nhiệm vụ không còn cần thiết", _clerk, Issuer, PublishedAt.AddDays(8));
        if (state is ProgressStatus.Done or ProgressStatus.DoneLate or ProgressStatus.Cancelled)
        {
            Assert.Throws<StateConflictException>(action);
            Assert.Equal(state, task.Status);
        }
        else
        {
            action();
            Assert.Equal(ProgressStatus.Cancelled, task.Status);
            Assert.Equal("Nhiệm vụ không còn cần thiết", task.CancellationReason);
            Assert.False(task.IsLateAt(PublishedAt.AddDays(90)));
        }
    }

    [Fact]
    public void Cancellation_needs_a_reason_and_the_issuers_side()
    {
        var (_, task) = Acknowledged();
        Assert.Equal("reason", Assert.Throws<DomainException>(() => task.Cancel(null, _clerk, Issuer, PublishedAt)).Field);
        Assert.Throws<DomainException>(() => task.Cancel("x", _officer, Unit, PublishedAt));
        Assert.Equal(ProgressStatus.NotStarted, task.Status);
    }

    [Fact]
    public void A_pending_extension_is_closed_when_the_work_is_cancelled_or_refused()
    {
        var (receipt, task) = Acknowledged();
        var request = task.RequestExtension(new DateOnly(2026, 12, 15), "Lý do", _officer, PublishedAt.AddDays(5));
        task.Refuse(receipt, "Không thuộc chức năng", _officer, PublishedAt.AddDays(6));

        Assert.Equal(ExtensionDecision.Refused, request.Decision);
        Assert.False(task.HasPendingExtension);
    }

    [Fact]
    public void A_refused_assignment_is_reassigned_once_with_its_role_and_deadline()
    {
        var (receipt, task) = Acknowledged();
        Assert.Throws<StateConflictException>(() => task.ReassignTo(_tree.CommuneB.Id, Issuer));
        task.Refuse(receipt, "Không thuộc chức năng", _officer, PublishedAt.AddDays(1));

        Assert.Equal("organizationId", Assert.Throws<DomainException>(() => task.ReassignTo(Unit, Issuer)).Field);
        var successor = task.ReassignTo(_tree.CommuneB.Id, Issuer);

        Assert.Equal((_tree.CommuneB.Id, AssignmentRole.Lead, (DateOnly?)Deadline, ProgressStatus.NotStarted), (successor.OrganizationId, successor.Role, successor.Deadline, successor.Status));
        Assert.Equal(successor.Id, task.ReassignedToId);
        Assert.Throws<StateConflictException>(() => task.ReassignTo(_tree.Board.Id, Issuer));
    }

    [Fact]
    public void A_task_keeps_a_lead_while_its_coordinators_work()
    {
        var directive = new DirectiveBuilder(_tree).WithTask("Tuyên truyền", Deadline, Unit, _tree.CommuneB.Id).Build();
        directive.Publish(Register(), _tree.District, _tree.Province, new DateOnly(2026, 11, 1), Guid.NewGuid(), PublishedAt);
        var lead = directive.TaskAssignments.Single(t => t.Role == AssignmentRole.Lead);
        var coordinator = directive.TaskAssignments.Single(t => t.Role == AssignmentRole.Coordinator);

        Assert.Throws<DomainException>(() => TaskAssignment.EnsureLeadRemains(directive.TaskAssignments.ToList(), lead));
        TaskAssignment.EnsureLeadRemains(directive.TaskAssignments.ToList(), coordinator);
        coordinator.Cancel("Không cần phối hợp", _clerk, Issuer, PublishedAt.AddDays(1));
        TaskAssignment.EnsureLeadRemains(directive.TaskAssignments.ToList(), lead);
    }

    [Theory]
    [InlineData(ProgressStatus.NotStarted, TaskState.Overdue, DeadlineReading.Overdue)]
    [InlineData(ProgressStatus.Returned, TaskState.Overdue, DeadlineReading.Overdue)]
    [InlineData(ProgressStatus.AwaitingConfirmation, TaskState.Open, DeadlineReading.NotApplicable)]
    [InlineData(ProgressStatus.Refused, TaskState.Overdue, DeadlineReading.NotApplicable)]
    [InlineData(ProgressStatus.Cancelled, TaskState.Cancelled, DeadlineReading.NotApplicable)]
    [InlineData(ProgressStatus.Done, TaskState.DoneOnTime, DeadlineReading.NotApplicable)]
    public void The_one_state_definition_reads_each_lifecycle_status(ProgressStatus status, TaskState state, DeadlineReading reading)
    {
        var today = new DateOnly(2026, 12, 10);
        Assert.Equal(state, TaskAssignmentState.Of(status, Deadline, DirectiveHub.Directives.DirectiveStatus.Published, today));
        Assert.Equal(reading, TaskAssignmentState.ReadDeadline(status, Deadline, false, DirectiveHub.Directives.DirectiveStatus.Published, today, 3));
    }

    [Fact]
    public void Deadlines_read_due_soon_within_the_reminder_window_and_none_without_a_deadline()
    {
        var today = new DateOnly(2026, 11, 28);
        Assert.Equal(DeadlineReading.DueSoon, TaskAssignmentState.ReadDeadline(ProgressStatus.InProgress, Deadline, false, DirectiveHub.Directives.DirectiveStatus.Published, today, 3));
        Assert.Equal(DeadlineReading.InTime, TaskAssignmentState.ReadDeadline(ProgressStatus.InProgress, Deadline, false, DirectiveHub.Directives.DirectiveStatus.Published, today.AddDays(-10), 3));
        Assert.Equal(DeadlineReading.NoDeadline, TaskAssignmentState.ReadDeadline(ProgressStatus.InProgress, null, false, DirectiveHub.Directives.DirectiveStatus.Published, today, 3));
        Assert.Equal(TaskState.Cancelled, TaskAssignmentState.Of(ProgressStatus.Refused, Deadline, DirectiveHub.Directives.DirectiveStatus.Published, today, reassigned: true));
    }

    [Theory]
    [InlineData(ProgressStatus.NotStarted, false, "01")]
    [InlineData(ProgressStatus.NotStarted, true, "03")]
    [InlineData(ProgressStatus.InProgress, true, "05")]
    [InlineData(ProgressStatus.Blocked, true, "05")]
    [InlineData(ProgressStatus.AwaitingConfirmation, true, "05")]
    [InlineData(ProgressStatus.Returned, true, "05")]
    [InlineData(ProgressStatus.Done, true, "06")]
    [InlineData(ProgressStatus.DoneLate, true, "06")]
    [InlineData(ProgressStatus.Refused, false, "02")]
    [InlineData(ProgressStatus.Cancelled, true, "13")]
    public void Each_state_maps_to_the_national_exchange_code(ProgressStatus status, bool acknowledged, string code)
    {
        Assert.Equal(code, ExchangeStatus.Of(status, acknowledged));
    }

    [Fact]
    public void A_received_task_with_a_named_handler_is_assigned()
    {
        Assert.Equal("04", ExchangeStatus.Of(ProgressStatus.NotStarted, acknowledged: true, handlerAssigned: true));
    }

    private DirectiveHub.Numbering.NumberRegister Register() =>
        new(_tree.District.Id, "CV", false, DirectiveHub.Numbering.NumberingPeriod.Term, new DateOnly(2025, 10, 1), new DateOnly(2030, 9, 30));

    private TaskAssignment Accepted(DateTime submittedAt)
    {
        var (receipt, task) = Acknowledged();
        task.Report(receipt, ProgressStatus.Done, null, _officer, submittedAt, result: new ResultDocument("12-BC/ĐU", new DateOnly(2026, 11, 30)));
        task.Review(ReviewDecision.Accept, ResultQuality.Dat, null, _clerk, Issuer, submittedAt.AddDays(3));
        return task;
    }

    private (Assignment Receipt, TaskAssignment Task) Published()
    {
        var directive = new DirectiveBuilder(_tree).WithTask("Tuyên truyền", Deadline, Unit).Build();
        directive.Publish(Register(), _tree.District, _tree.Province, new DateOnly(2026, 11, 1), Guid.NewGuid(), PublishedAt);
        return (directive.Assignments.Single(a => a.OrganizationId == Unit), directive.TaskAssignments.Single());
    }

    private (Assignment Receipt, TaskAssignment Task) Acknowledged()
    {
        var (receipt, task) = Published();
        receipt.Acknowledge(_officer, PublishedAt.AddHours(1));
        return (receipt, task);
    }

    /// <summary>An assignment brought to <paramref name="state"/> through the transitions themselves.</summary>
    private (Assignment Receipt, TaskAssignment Task) InState(ProgressStatus state)
    {
        var (receipt, task) = Acknowledged();
        var at = PublishedAt.AddDays(2);
        switch (state)
        {
            case ProgressStatus.NotStarted:
                break;
            case ProgressStatus.InProgress or ProgressStatus.Blocked:
                task.Report(receipt, state, "Đang làm", _officer, at);
                break;
            case ProgressStatus.AwaitingConfirmation:
                task.Report(receipt, ProgressStatus.Done, null, _officer, at, result: Result);
                break;
            case ProgressStatus.Returned:
                task.Report(receipt, ProgressStatus.Done, null, _officer, at, hasEvidence: true);
                task.Review(ReviewDecision.Return, null, "Làm lại", _clerk, Issuer, at.AddHours(1));
                break;
            case ProgressStatus.Done:
                task.Report(receipt, ProgressStatus.Done, null, _officer, at, hasEvidence: true);
                task.Review(ReviewDecision.Accept, ResultQuality.Dat, null, _clerk, Issuer, at.AddHours(1));
                break;
            case ProgressStatus.DoneLate:
                task.Report(receipt, ProgressStatus.Done, null, _officer, new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc), hasEvidence: true);
                task.Review(ReviewDecision.Accept, ResultQuality.Dat, null, _clerk, Issuer, new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc));
                break;
            case ProgressStatus.Refused:
                task.Refuse(receipt, "Không thuộc chức năng", _officer, at);
                break;
            case ProgressStatus.Cancelled:
                task.Cancel("Không còn cần thiết", _clerk, Issuer, at);
                break;
        }

        Assert.Equal(state, task.Status);
        return (receipt, task);
    }
}

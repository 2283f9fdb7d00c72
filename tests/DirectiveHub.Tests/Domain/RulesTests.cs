using DirectiveHub.Assignments;
using DirectiveHub.Directives;

namespace DirectiveHub.Tests.Domain;

public sealed class RulesTests
{
    private static readonly DateTime PublishedAt = new(2021, 10, 30, 2, 0, 0, DateTimeKind.Utc);
    private readonly TreeBuilder _tree = new();

    [Fact]
    public void A_register_refuses_a_starting_number_already_issued()
    {
        var register = DirectiveBuilder.TermRegister(_tree.District);
        register.StartAt(10);
        Assert.Equal(10, register.Allocate());

        Assert.Throws<DomainException>(() => register.StartAt(10));
        Assert.Throws<DomainException>(() => register.StartAt(3));
        register.StartAt(20);
        Assert.Equal(20, register.Allocate());
    }

    [Fact]
    public void Reporting_needs_acknowledgment_first_a_result_for_done_and_a_note_for_blocked()
    {
        var (receipt, task) = PublishedTask(new DateOnly(2021, 11, 15));
        var user = Guid.NewGuid();

        Assert.Throws<DomainException>(() => task.Report(receipt, ProgressStatus.InProgress, null, user, PublishedAt.AddDays(1)));
        Assert.True(receipt.Acknowledge(user, PublishedAt.AddHours(1)));
        Assert.False(receipt.Acknowledge(Guid.NewGuid(), PublishedAt.AddHours(2)));
        Assert.Equal(user, receipt.AcknowledgedById);

        Assert.Equal("result", Assert.Throws<DomainException>(() => task.Report(receipt, ProgressStatus.Done, "Đã tuyên truyền", user, PublishedAt.AddDays(2))).Field);
        Assert.Equal("note", Assert.Throws<DomainException>(() => task.Report(receipt, ProgressStatus.Blocked, null, user, PublishedAt.AddDays(2))).Field);
        task.Report(receipt, ProgressStatus.Done, "Đã tuyên truyền", user, PublishedAt.AddDays(2), result: new ResultDocument("12-BC/ĐU", new DateOnly(2021, 11, 1)));
        Assert.Equal(ProgressStatus.AwaitingConfirmation, task.Status);
        Assert.False(task.IsDone);
    }

    [Fact]
    public void Done_after_the_deadline_in_Vietnam_time_is_done_late()
    {
        var (receipt, task) = PublishedTask(new DateOnly(2021, 9, 4));
        var user = Guid.NewGuid();
        receipt.Acknowledge(user, PublishedAt);

        // 23:59 on 04/9 in Vietnam is 16:59 UTC: still on time; 00:00 on 05/9 is 17:00 UTC: late.
        Assert.False(task.IsLateAt(new DateTime(2021, 9, 4, 16, 59, 0, DateTimeKind.Utc)));
        Assert.True(task.IsLateAt(new DateTime(2021, 9, 4, 17, 0, 0, DateTimeKind.Utc)));
        task.Report(receipt, ProgressStatus.Done, "Xong", user, new DateTime(2021, 9, 4, 17, 0, 0, DateTimeKind.Utc), hasEvidence: true);
        task.Review(ReviewDecision.Accept, ResultQuality.Dat, null, Guid.NewGuid(), _tree.District.Id, new DateTime(2021, 9, 10, 1, 0, 0, DateTimeKind.Utc));
        Assert.Equal(ProgressStatus.DoneLate, task.Status);
        Assert.Equal(ResultTiming.Late, task.Timing);
        Assert.Equal(TaskState.DoneLate, TaskAssignmentState.Of(task, DirectiveStatus.Published, new DateOnly(2021, 9, 6)));
    }

    [Fact]
    public void An_organization_keeps_its_name_as_it_was_on_each_date()
    {
        var commune = _tree.CommuneA;
        commune.Rename("ĐẢNG ỦY XÃ SÀI SƠN MỚI", "ĐU", "Sài Sơn", null, new DateOnly(2025, 7, 1));
        commune.MoveTo(_tree.Province, new DateOnly(2025, 7, 1));

        Assert.Equal("ĐẢNG ỦY XÃ SÀI SƠN", commune.AsOf(new DateOnly(2021, 10, 30)).Name);
        Assert.Equal(_tree.District.Id, commune.AsOf(new DateOnly(2021, 10, 30)).ParentId);
        Assert.Equal("ĐẢNG ỦY XÃ SÀI SƠN MỚI", commune.AsOf(new DateOnly(2026, 1, 1)).Name);
        Assert.Equal(_tree.Province.Id, commune.ParentId);
        Assert.True(commune.IsWithin(_tree.Province.Path));
        Assert.False(commune.IsWithin(_tree.District.Path));
    }

    [Fact]
    public void A_unit_cannot_move_under_its_own_descendant()
    {
        Assert.Throws<DomainException>(() => _tree.District.MoveTo(_tree.CommuneA, new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public void A_dissolved_unit_cannot_change()
    {
        _tree.CommuneB.Dissolve(new DateOnly(2025, 7, 1), _tree.CommuneA);
        Assert.True(_tree.CommuneB.IsDissolved);
        Assert.Throws<DomainException>(() => _tree.CommuneB.Rename("X", "ĐU", null, null, new DateOnly(2025, 8, 1)));
    }

    [Fact]
    public void A_deadline_moved_by_a_superseding_directive_lifts_an_overdue_flag_that_no_longer_holds()
    {
        var (_, task) = PublishedTask(new DateOnly(2021, 9, 4));
        var late = new DateTime(2021, 9, 5, 1, 0, 0, DateTimeKind.Utc);
        Assert.True(task.MarkOverdue(late));
        Assert.False(task.MarkOverdue(late.AddMinutes(5)));

        task.MoveDeadline(new DateOnly(2021, 9, 30), late.AddHours(1));

        Assert.Null(task.OverdueFlaggedAt);
        Assert.Equal(TaskState.Open, TaskAssignmentState.Of(task, DirectiveStatus.Published, new DateOnly(2021, 9, 5)));
    }

    private (Assignment Receipt, TaskAssignment Task) PublishedTask(DateOnly deadline)
    {
        var directive = new DirectiveBuilder(_tree).WithTask("Tuyên truyền", deadline, _tree.CommuneA.Id).Build();
        directive.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2021, 8, 30), Guid.NewGuid(), PublishedAt);
        return (directive.Assignments.Single(a => a.OrganizationId == _tree.CommuneA.Id), directive.TaskAssignments.Single());
    }
}

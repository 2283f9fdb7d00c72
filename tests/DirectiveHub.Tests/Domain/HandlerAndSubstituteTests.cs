using DirectiveHub.Assignments;
using DirectiveHub.Users;

namespace DirectiveHub.Tests.Domain;

/// <summary>Inside the receiving unit: who may name a task's handler and follower, and the rules of substitutes ("X thay Y").</summary>
public sealed class HandlerAndSubstituteTests
{
    private static readonly DateTime PublishedAt = new(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private readonly TreeBuilder _tree = new();
    private readonly Guid _clerk = Guid.NewGuid();
    private Assignment? _receipt;

    private Guid Unit => _tree.CommuneA.Id;

    private UnitMember Member() => new(Guid.NewGuid(), Unit, true);

    [Fact]
    public void A_clerk_of_the_unit_names_a_handler_and_follower_and_a_reassignment_keeps_the_history()
    {
        var task = Published();
        var (first, second, follower) = (Member(), Member(), Member());

        var change = task.AssignHandler(first, follower, _clerk, Unit, assignerLeadsUnit: true, PublishedAt.AddDays(1));
        Assert.Equal((first.UserId, follower.UserId), (task.HandlerUserId!.Value, task.FollowerUserId!.Value));
        Assert.Equal((first.UserId, follower.UserId, _clerk), (change.HandlerUserId, change.FollowerUserId!.Value, change.AssignedById));

        task.AssignHandler(second, null, _clerk, Unit, assignerLeadsUnit: true, PublishedAt.AddDays(2));
        Assert.Equal(second.UserId, task.HandlerUserId);
        Assert.Null(task.FollowerUserId);
        Assert.Equal([first.UserId, second.UserId], task.HandlerChanges.Select(c => c.HandlerUserId));
    }

    [Fact]
    public void Only_a_clerk_or_leader_of_the_receiving_unit_assigns_and_only_its_active_officers()
    {
        var task = Published();
        var officer = Member();

        var notLeading = Assert.Throws<DomainException>(() => task.AssignHandler(officer, null, _clerk, Unit, assignerLeadsUnit: false, PublishedAt));
        Assert.Contains("văn thư hoặc lãnh đạo", notLeading.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => task.AssignHandler(officer, null, _clerk, _tree.District.Id, assignerLeadsUnit: true, PublishedAt));

        var stranger = Assert.Throws<DomainException>(() => task.AssignHandler(new UnitMember(Guid.NewGuid(), _tree.CommuneB.Id, true), null, _clerk, Unit, true, PublishedAt));
        Assert.Equal("handlerUserId", stranger.Field);
        var gone = Assert.Throws<DomainException>(() => task.AssignHandler(officer with { IsActive = false }, null, _clerk, Unit, true, PublishedAt));
        Assert.Equal("handlerUserId", gone.Field);
        var same = Assert.Throws<DomainException>(() => task.AssignHandler(officer, officer, _clerk, Unit, true, PublishedAt));
        Assert.Equal("followerUserId", same.Field);
        var foreignFollower = Assert.Throws<DomainException>(() => task.AssignHandler(officer, new UnitMember(Guid.NewGuid(), _tree.CommuneB.Id, true), _clerk, Unit, true, PublishedAt));
        Assert.Equal("followerUserId", foreignFollower.Field);

        task.AssignHandler(officer, null, _clerk, Unit, true, PublishedAt);
        var again = Assert.Throws<DomainException>(() => task.AssignHandler(officer, null, _clerk, Unit, true, PublishedAt));
        Assert.Equal("handlerUserId", again.Field);
        Assert.Single(task.HandlerChanges);
    }

    [Fact]
    public void Finished_or_cancelled_work_is_not_assigned()
    {
        var task = Published();
        task.Cancel("Không còn cần thiết", _clerk, _tree.District.Id, PublishedAt.AddDays(1));

        Assert.Throws<StateConflictException>(() => task.AssignHandler(Member(), null, _clerk, Unit, true, PublishedAt.AddDays(2)));
        Assert.Null(task.HandlerUserId);
    }

    [Fact]
    public void A_substitute_is_another_active_user_of_the_same_unit_for_a_bounded_period_from_today()
    {
        var absent = Member();
        var substitute = Member();
        var named = Substitution.Name(absent, substitute, Today, Today.AddDays(Substitution.MaxDays - 1), Today, [], PublishedAt);
        Assert.True(named.IsActiveOn(Today));
        Assert.False(named.IsActiveOn(Today.AddDays(Substitution.MaxDays)));

        Assert.Equal("substituteUserId", Refused(absent, absent, Today, Today.AddDays(1)).Field);
        Assert.Equal("substituteUserId", Refused(absent, new UnitMember(Guid.NewGuid(), _tree.CommuneB.Id, true), Today, Today.AddDays(1)).Field);
        Assert.Equal("substituteUserId", Refused(absent, substitute with { IsActive = false }, Today, Today.AddDays(1)).Field);
        Assert.Equal("from", Refused(absent, substitute, Today.AddDays(-1), Today.AddDays(1)).Field);
        Assert.Equal("from", Refused(absent, substitute, Today.AddDays(Substitution.MaxLeadDays + 1), Today.AddDays(Substitution.MaxLeadDays + 2)).Field);
        Assert.Equal("to", Refused(absent, substitute, Today.AddDays(3), Today.AddDays(2)).Field);
        Assert.Equal("to", Refused(absent, substitute, Today, Today.AddDays(Substitution.MaxDays)).Field);
    }

    [Fact]
    public void Periods_of_one_absent_user_do_not_overlap_and_only_they_end_one_early()
    {
        var absent = Member();
        var substitute = Member();
        var first = Substitution.Name(absent, substitute, Today, Today.AddDays(5), Today, [], PublishedAt);

        var overlap = Assert.Throws<DomainException>(() => Substitution.Name(absent, Member(), Today.AddDays(5), Today.AddDays(9), Today, [first], PublishedAt));
        Assert.Equal("from", overlap.Field);
        var after = Substitution.Name(absent, Member(), Today.AddDays(6), Today.AddDays(9), Today, [first], PublishedAt);
        Assert.False(after.IsActiveOn(Today));

        Assert.Throws<DomainException>(() => first.End(substitute.UserId, Today, PublishedAt));
        first.End(absent.UserId, Today, PublishedAt);
        Assert.False(first.IsActiveOn(Today));
        Assert.Throws<StateConflictException>(() => first.End(absent.UserId, Today, PublishedAt));

        // Ended, it no longer blocks a new period over the same days.
        Substitution.Name(absent, Member(), Today, Today.AddDays(5), Today, [first], PublishedAt);
    }

    [Fact]
    public void A_report_made_as_a_substitute_records_on_whose_behalf()
    {
        var task = Published();
        var directiveReceipt = _receipt!;
        directiveReceipt.Acknowledge(_clerk, PublishedAt.AddHours(1));
        var absent = Guid.NewGuid();

        var report = task.Report(directiveReceipt, ProgressStatus.InProgress, "Đang làm", Guid.NewGuid(), PublishedAt.AddDays(1), onBehalfOfUserId: absent);

        Assert.Equal(absent, report.OnBehalfOfUserId);
    }


    private static DomainException Refused(UnitMember absent, UnitMember substitute, DateOnly from, DateOnly to) =>
        Assert.Throws<DomainException>(() => Substitution.Name(absent, substitute, from, to, Today, [], PublishedAt));

    private TaskAssignment Published()
    {
        var directive = new DirectiveBuilder(_tree).WithTask("Tuyên truyền", new DateOnly(2026, 11, 30), Unit).Build();
        directive.Publish(new DirectiveHub.Numbering.NumberRegister(_tree.District.Id, "CV", false, DirectiveHub.Numbering.NumberingPeriod.Term, new DateOnly(2025, 10, 1), new DateOnly(2030, 9, 30)), _tree.District, _tree.Province, new DateOnly(2026, 11, 1), Guid.NewGuid(), PublishedAt);
        _receipt = directive.Assignments.Single(a => a.OrganizationId == Unit);
        return directive.TaskAssignments.Single();
    }
}

using DirectiveHub.Calendar;
using DirectiveHub.Directives;
using DirectiveHub.Tests.Domain;

namespace DirectiveHub.Tests.Calendar;

public sealed class ReceiptDeadlineTests
{
    private static readonly WorkingCalendar Seeded = new(WorkingCalendarSeed.Days.Select(d => (d.Date, d.Kind)));
    private readonly TreeBuilder _tree = new();

    [Fact]
    public void A_task_counted_from_receipt_has_no_deadline_until_the_unit_receives_it_and_then_one_fixed_once()
    {
        var directive = new DirectiveBuilder(_tree).WithTaskAfterReceipt("Rà soát, báo cáo", ReceiptDeadline.Create(10, true), _tree.CommuneA.Id, _tree.CommuneB.Id).Build();
        directive.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2022, 1, 27), Guid.NewGuid(), new DateTime(2022, 1, 27, 2, 0, 0, DateTimeKind.Utc));
        var lead = directive.TaskAssignments.Single(t => t.OrganizationId == _tree.CommuneA.Id);

        Assert.Null(lead.Deadline);
        Assert.True(lead.IsDeadlinePending);
        Assert.False(lead.IsLateAt(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        // Received Friday 28/01/2022, the day before Tết Nhâm Dần (29/01–06/02).
        Assert.True(lead.FixDeadlineFromReceipt(new DateOnly(2022, 1, 28), Seeded));
        Assert.Equal(new DateOnly(2022, 2, 18), lead.Deadline);
        Assert.False(lead.IsDeadlinePending);
        Assert.False(lead.FixDeadlineFromReceipt(new DateOnly(2022, 2, 10), Seeded));
        Assert.Equal(new DateOnly(2022, 2, 18), lead.Deadline);
        Assert.True(directive.TaskAssignments.Single(t => t.OrganizationId == _tree.CommuneB.Id).IsDeadlinePending);
    }

    [Fact]
    public void A_task_with_a_date_keeps_it_and_ignores_receipt()
    {
        var directive = new DirectiveBuilder(_tree).WithTask("Tuyên truyền", new DateOnly(2021, 11, 15), _tree.CommuneA.Id).Build();
        directive.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2021, 10, 29), Guid.NewGuid(), new DateTime(2021, 10, 29, 2, 0, 0, DateTimeKind.Utc));
        var task = directive.TaskAssignments.Single();

        Assert.False(task.IsDeadlinePending);
        Assert.False(task.FixDeadlineFromReceipt(new DateOnly(2021, 11, 1), Seeded));
        Assert.Equal(new DateOnly(2021, 11, 15), task.Deadline);
    }

    [Fact]
    public void A_task_cannot_have_both_kinds_of_deadline_and_a_subtask_inherits_its_parents_kind()
    {
        var both = new DirectiveBuilder(_tree).Content() with
        {
            Tasks = [new TaskContent("Hai loại thời hạn", new DateOnly(2021, 11, 15), _tree.CommuneA.Id, [], [], ReceiptDeadline.Create(5, true))],
        };
        Assert.Throws<DomainException>(() => new Directive(_tree.District.Id, both, Guid.NewGuid(), DateTime.UtcNow));

        var nested = new DirectiveBuilder(_tree).Content() with
        {
            Tasks = [new TaskContent("Cha", null, null, [], [new TaskContent("Con", null, _tree.CommuneA.Id, [], [])], ReceiptDeadline.Create(7, false))],
        };
        var directive = new Directive(_tree.District.Id, nested, Guid.NewGuid(), DateTime.UtcNow);
        Assert.Equal(ReceiptDeadline.Create(7, false), directive.Tasks.Single(t => t.ParentId is not null).DeadlineAfterReceipt);
    }
}

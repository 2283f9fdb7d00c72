using DirectiveHub.Assignments;

namespace DirectiveHub.Tests.Domain;

/// <summary>A whole task's state is its lead's (<see cref="TaskAssignmentState.OfTask"/>): coordinators report to the lead.</summary>
public sealed class TrackingTaskStateTests
{
    private const AssignmentRole Lead = AssignmentRole.Lead;
    private const AssignmentRole Coordinator = AssignmentRole.Coordinator;

    [Theory]
    [InlineData(TaskState.DoneOnTime, TaskState.Open, TaskState.DoneOnTime)]
    [InlineData(TaskState.DoneLate, TaskState.DoneOnTime, TaskState.DoneLate)]
    [InlineData(TaskState.Open, TaskState.DoneOnTime, TaskState.Open)]
    [InlineData(TaskState.Overdue, TaskState.DoneOnTime, TaskState.Overdue)]
    [InlineData(TaskState.Open, TaskState.Overdue, TaskState.Open)]
    [InlineData(TaskState.Closed, TaskState.Open, TaskState.Closed)]
    [InlineData(TaskState.DoneOnTime, TaskState.Cancelled, TaskState.DoneOnTime)]
    [InlineData(TaskState.Cancelled, TaskState.Cancelled, TaskState.Cancelled)]
    public void The_task_follows_its_lead_whatever_the_coordinator(TaskState lead, TaskState coordinator, TaskState expected) =>
        Assert.Equal(expected, TaskAssignmentState.OfTask([(Lead, lead), (Coordinator, coordinator)]));

    [Fact]
    public void A_refused_lead_passed_on_counts_as_cancelled_and_its_successor_decides() =>
        Assert.Equal(TaskState.DoneLate, TaskAssignmentState.OfTask([(Lead, TaskState.Cancelled), (Lead, TaskState.DoneLate), (Coordinator, TaskState.Overdue)]));

    [Fact]
    public void With_two_leads_the_task_is_done_only_when_both_are() =>
        Assert.Equal(TaskState.Open, TaskAssignmentState.OfTask([(Lead, TaskState.DoneOnTime), (Lead, TaskState.Open)]));

    [Fact]
    public void Without_a_lead_left_the_coordinators_decide_and_with_no_assignment_the_task_is_open()
    {
        Assert.Equal(TaskState.Overdue, TaskAssignmentState.OfTask([(Lead, TaskState.Cancelled), (Coordinator, TaskState.Overdue)]));
        Assert.Equal(TaskState.Open, TaskAssignmentState.OfTask([]));
    }
}

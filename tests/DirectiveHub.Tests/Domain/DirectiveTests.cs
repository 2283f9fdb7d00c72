using DirectiveHub.Assignments;
using DirectiveHub.Directives;

namespace DirectiveHub.Tests.Domain;

public sealed class DirectiveTests
{
    private static readonly DateTime Now = new(2021, 10, 30, 2, 0, 0, DateTimeKind.Utc);
    private readonly TreeBuilder _tree = new();

    [Fact]
    public void Publishing_takes_the_next_number_and_prints_the_issuer_under_its_party_body()
    {
        var register = DirectiveBuilder.TermRegister(_tree.District);
        register.StartAt(114);
        var directive = new DirectiveBuilder(_tree).WithTask("Tuyên truyền").Build();

        directive.Publish(register, _tree.District, _tree.Province, new DateOnly(2021, 10, 30), Guid.NewGuid(), Now);

        Assert.Equal(DirectiveStatus.Published, directive.Status);
        Assert.Equal(114, directive.Sequence);
        Assert.Equal("114-CV/HU", directive.Number);
        Assert.Equal("HUYỆN ỦY QUỐC OAI", directive.IssuerName);
        Assert.Equal("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", directive.ParentBodyName);
        Assert.Equal("Quốc Oai", directive.Place);
        Assert.Equal(115, register.NextSequence);
    }

    [Fact]
    public void A_board_prints_its_committee_above_its_own_name()
    {
        var register = DirectiveBuilder.TermRegister(_tree.Board);
        register.StartAt(22);
        var directive = new DirectiveHub.Directives.Directive(_tree.Board.Id, new DirectiveBuilder(_tree).Content(), Guid.NewGuid(), Now);

        directive.Publish(register, _tree.Board, _tree.District, new DateOnly(2021, 7, 27), Guid.NewGuid(), Now);

        Assert.Equal("22-CV/BDVHU", directive.Number);
        Assert.Equal("HUYỆN ỦY QUỐC OAI", directive.ParentBodyName);
        Assert.Equal("BAN DÂN VẬN", directive.IssuerName);
    }

    [Fact]
    public void Consecutive_publications_from_one_register_never_skip_or_repeat_a_number()
    {
        var register = DirectiveBuilder.TermRegister(_tree.District);
        var numbers = Enumerable.Range(0, 5).Select(_ =>
        {
            var directive = new DirectiveBuilder(_tree).Build();
            directive.Publish(register, _tree.District, _tree.Province, new DateOnly(2021, 10, 30), Guid.NewGuid(), Now);
            return directive.Number;
        }).ToList();

        Assert.Equal(["01-CV/HU", "02-CV/HU", "03-CV/HU", "04-CV/HU", "05-CV/HU"], numbers);
    }

    [Fact]
    public void A_published_directive_is_frozen()
    {
        var directive = new DirectiveBuilder(_tree).Build();
        directive.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2021, 10, 30), Guid.NewGuid(), Now);

        Assert.Throws<DomainException>(() => directive.UpdateDraft(new DirectiveBuilder(_tree).Content(), Now));
        Assert.Throws<DomainException>(() => directive.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2021, 10, 30), Guid.NewGuid(), Now));
    }

    [Fact]
    public void Publishing_creates_an_assignment_per_recipient_unit_and_a_task_assignment_per_responsible_unit()
    {
        var directive = new DirectiveBuilder(_tree)
            .WithTask("Tuyên truyền", new DateOnly(2021, 11, 15), _tree.CommuneA.Id, _tree.CommuneB.Id)
            .WithTask("Báo cáo kết quả")
            .Build();

        directive.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2021, 10, 30), Guid.NewGuid(), Now);

        Assert.Equal([_tree.CommuneA.Id, _tree.CommuneB.Id], directive.Assignments.Select(a => a.OrganizationId));
        Assert.Collection(
            directive.TaskAssignments,
            lead => Assert.Equal((_tree.CommuneA.Id, AssignmentRole.Lead, (DateOnly?)new DateOnly(2021, 11, 15)), (lead.OrganizationId, lead.Role, lead.Deadline)),
            coordinator => Assert.Equal((_tree.CommuneB.Id, AssignmentRole.Coordinator), (coordinator.OrganizationId, coordinator.Role)));
    }

    [Fact]
    public void A_directive_needs_a_recipient_in_the_system_to_be_published()
    {
        var content = new DirectiveBuilder(_tree).Content() with { Recipients = [new(null, "Như kính gửi")] };
        var directive = new DirectiveHub.Directives.Directive(_tree.District.Id, content, Guid.NewGuid(), Now);

        Assert.Throws<DomainException>(() => directive.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2021, 10, 30), Guid.NewGuid(), Now));
    }

    [Fact]
    public void A_correction_supersedes_only_a_published_directive_of_the_same_issuer()
    {
        var earlier = new DirectiveBuilder(_tree).Build();
        var correction = new DirectiveBuilder(_tree).Build();
        Assert.Throws<DomainException>(() => correction.Supersede(earlier));

        earlier.Publish(DirectiveBuilder.TermRegister(_tree.District), _tree.District, _tree.Province, new DateOnly(2021, 10, 30), Guid.NewGuid(), Now);
        correction.Supersede(earlier);
        earlier.MarkSuperseded(Now);

        Assert.Equal(earlier.Id, correction.SupersedesId);
        Assert.Equal(DirectiveStatus.Superseded, earlier.Status);
    }
}

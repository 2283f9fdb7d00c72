using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;

namespace DirectiveHub.Tests.Domain;

/// <summary>Test-data builders for the domain: a small tree and directives with sensible defaults.</summary>
public sealed class TreeBuilder
{
    public static readonly DateOnly Founded = new(2020, 1, 1);

    public TreeBuilder()
    {
        Province = new Organization("HN", "THÀNH ỦY HÀ NỘI", OrganizationKind.ProvincialCommittee, "TU", "Hà Nội", null, Founded, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI");
        District = new Organization("HN-QO", "HUYỆN ỦY QUỐC OAI", OrganizationKind.DistrictCommittee, "HU", "Quốc Oai", Province, Founded, "ĐẢNG BỘ HUYỆN QUỐC OAI");
        Board = new Organization("HN-QO-BDV", "BAN DÂN VẬN", OrganizationKind.CommitteeBoard, "BDVHU", "Quốc Oai", District, Founded);
        CommuneA = new Organization("HN-QO-SS", "ĐẢNG ỦY XÃ SÀI SƠN", OrganizationKind.CommuneCommittee, "ĐU", "Sài Sơn", District, Founded);
        CommuneB = new Organization("HN-QO-PC", "ĐẢNG ỦY XÃ PHƯỢNG CÁCH", OrganizationKind.CommuneCommittee, "ĐU", "Phượng Cách", District, Founded);
    }

    public Organization Province { get; }

    public Organization District { get; }

    public Organization Board { get; }

    public Organization CommuneA { get; }

    public Organization CommuneB { get; }
}

public sealed class DirectiveBuilder(TreeBuilder tree)
{
    private readonly List<TaskContent> _tasks = [];
    private string _type = "CV";
    private Urgency _urgency;

    public DirectiveBuilder OfType(string type)
    {
        _type = type;
        return this;
    }

    public DirectiveBuilder Urgent(Urgency urgency)
    {
        _urgency = urgency;
        return this;
    }

    public DirectiveBuilder WithTask(string text, DateOnly? deadline = null, Guid? lead = null, params Guid[] coordinators)
    {
        _tasks.Add(new TaskContent(text, deadline, lead, coordinators, []));
        return this;
    }

    public DirectiveBuilder WithTaskAfterReceipt(string text, DirectiveHub.Calendar.ReceiptDeadline span, Guid lead, params Guid[] coordinators)
    {
        _tasks.Add(new TaskContent(text, null, lead, coordinators, [], span));
        return this;
    }

    public DirectiveContent Content() => new()
    {
        DocumentType = _type,
        Subject = "tăng cường công tác phòng, chống dịch Covid-19 trong tình hình mới",
        Urgency = _urgency,
        Recipients = [new(tree.CommuneA.Id, "Đảng ủy xã Sài Sơn"), new(tree.CommuneB.Id, "Đảng ủy xã Phượng Cách"), new(null, "Như kính gửi")],
        Tasks = _tasks,
        Signer = new Signer(SigningAuthority.OnBehalfOf, "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Đàm Công Lợi"),
    };

    public Directive Build() => new(tree.District.Id, Content(), Guid.NewGuid(), new DateTime(2021, 10, 29, 1, 0, 0, DateTimeKind.Utc));

    public static NumberRegister TermRegister(Organization issuer, string type = "CV") =>
        new(issuer.Id, type, false, NumberingPeriod.Term, new DateOnly(2020, 10, 1), new DateOnly(2025, 9, 30));
}

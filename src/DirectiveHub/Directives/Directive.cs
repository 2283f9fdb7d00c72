using DirectiveHub.Assignments;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Text;

namespace DirectiveHub.Directives;

/// <summary>
/// A directive (công văn, chỉ thị, thông báo, kế hoạch…) from draft to publication. Once published its content is
/// frozen: a correction is a new directive that supersedes it.
/// </summary>
public sealed class Directive
{
    private readonly List<DirectiveRecipient> _recipients = [];
    private readonly List<DirectiveTask> _tasks = [];
    private readonly List<DistributionEntry> _distribution = [];
    private readonly List<DirectiveReference> _references = [];
    private readonly List<Attachment> _attachments = [];
    private readonly List<Assignment> _assignments = [];
    private readonly List<TaskAssignment> _taskAssignments = [];

    private Directive()
    {
        DocumentType = null!;
        Subject = null!;
        Signer = Signer.Empty;
        SearchText = string.Empty;
    }

    public Directive(Guid issuerId, DirectiveContent content, Guid createdById, DateTime nowUtc)
        : this()
    {
        IssuerId = issuerId;
        CreatedById = createdById;
        CreatedAt = nowUtc;
        UpdatedAt = nowUtc;
        Apply(content);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid IssuerId { get; private set; }

    public Organization? Issuer { get; private set; }

    public string DocumentType { get; private set; }

    public DirectiveStatus Status { get; private set; }

    public Guid? RegisterId { get; private set; }

    public int? Sequence { get; private set; }

    /// <summary>Number and symbol as printed after "Số": "114-CV/HU".</summary>
    public string? Number { get; private set; }

    /// <summary>The issuer's printed name on the issue date (the tree changes; the document does not).</summary>
    public string? IssuerName { get; private set; }

    /// <summary>The issuer's direct superior as printed above it ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI").</summary>
    public string? ParentBodyName { get; private set; }

    public string? Place { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    /// <summary>Trích yếu.</summary>
    public string Subject { get; private set; }

    public Urgency Urgency { get; private set; }

    public Confidentiality Confidentiality { get; private set; }

    public string? Preamble { get; private set; }

    public string? Closing { get; private set; }

    public Signer Signer { get; private set; }

    public Guid? SupersedesId { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public Guid? PublishedById { get; private set; }

    /// <summary>Number, subject, preamble and tasks folded for diacritic-insensitive search (served by a trigram index).</summary>
    public string SearchText { get; private set; }

    /// <summary>Optimistic concurrency token, incremented on every save (works on PostgreSQL and SQLite alike).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DirectiveRecipient> Recipients => _recipients;

    public IReadOnlyList<DirectiveTask> Tasks => _tasks;

    public IReadOnlyList<DistributionEntry> Distribution => _distribution;

    public IReadOnlyList<DirectiveReference> References => _references;

    public IReadOnlyList<Attachment> Attachments => _attachments;

    public IReadOnlyList<Assignment> Assignments => _assignments;

    public IReadOnlyList<TaskAssignment> TaskAssignments => _taskAssignments;

    public bool IsDraft => Status == DirectiveStatus.Draft;

    public void UpdateDraft(DirectiveContent content, DateTime nowUtc)
    {
        EnsureDraft();
        Apply(content);
        UpdatedAt = nowUtc;
    }

    public void AddAttachment(Attachment attachment)
    {
        EnsureDraft();
        _attachments.Add(attachment);
    }

    public void RemoveAttachment(Guid attachmentId)
    {
        EnsureDraft();
        _attachments.RemoveAll(a => a.Id == attachmentId);
    }

    /// <summary>Makes this draft a correction of <paramref name="earlier"/>, which is superseded when this one is published.</summary>
    public void Supersede(Directive earlier)
    {
        EnsureDraft();
        if (earlier.Status != DirectiveStatus.Published || earlier.IssuerId != IssuerId)
        {
            throw new DomainException("Chỉ thay thế được văn bản đã ban hành của cùng đơn vị.");
        }

        SupersedesId = earlier.Id;
    }

    /// <summary>
    /// Publishes the draft: takes the next number from <paramref name="register"/>, prints the issuer as it stands on
    /// the issue date, and creates one assignment per recipient organization and one task assignment per responsible
    /// unit of each task.
    /// </summary>
    public void Publish(NumberRegister register, Organization issuer, Organization? parentBody, DateOnly issuedOn, Guid userId, DateTime nowUtc)
    {
        EnsureDraft();
        if (issuer.Id != IssuerId || register.IssuerId != IssuerId)
        {
            throw new InvalidOperationException("The register or issuer does not belong to this directive.");
        }

        if (register.DocumentType != DocumentType || !register.Covers(issuedOn))
        {
            throw new InvalidOperationException("The register does not number this document type on this date.");
        }

        if (PublicationProblems() is { Count: > 0 } problems)
        {
            throw new DomainException(string.Join(" ", problems));
        }

        AssignNumber(register, register.Allocate(), issuer, parentBody, issuedOn);
        Status = DirectiveStatus.Published;
        PublishedAt = nowUtc;
        PublishedById = userId;
        UpdatedAt = nowUtc;
        CreateAssignments();
    }

    /// <summary>
    /// Records a directive issued outside DirectiveHub (registered from its text) with its original number and date,
    /// so local directives can reference and carry it out.
    /// </summary>
    public void RegisterIssued(NumberRegister register, int sequence, Organization issuer, Organization? parentBody, DateOnly issuedOn, Guid userId, DateTime nowUtc)
    {
        EnsureDraft();
        register.RecordIssued(sequence);
        AssignNumber(register, sequence, issuer, parentBody, issuedOn);
        Status = DirectiveStatus.Published;
        PublishedAt = nowUtc;
        PublishedById = userId;
        UpdatedAt = nowUtc;
        CreateAssignments();
    }

    /// <summary>Called on the earlier directive when its correction is published.</summary>
    public void MarkSuperseded(DateTime nowUtc)
    {
        if (Status != DirectiveStatus.Published)
        {
            throw new DomainException("Chỉ văn bản đã ban hành mới có thể bị thay thế.");
        }

        Status = DirectiveStatus.Superseded;
        UpdatedAt = nowUtc;
    }

    public void Withdraw(DateTime nowUtc)
    {
        if (Status != DirectiveStatus.Published)
        {
            throw new DomainException("Chỉ văn bản đã ban hành mới có thể thu hồi.");
        }

        Status = DirectiveStatus.Withdrawn;
        UpdatedAt = nowUtc;
    }

    /// <summary>Tasks as the tree the clerk edits: top-level tasks in order with their subtasks.</summary>
    public IEnumerable<(DirectiveTask Task, IReadOnlyList<DirectiveTask> Subtasks)> TaskTree() =>
        _tasks.Where(t => t.ParentId is null)
            .OrderBy(t => t.Position)
            .Select(t => (t, (IReadOnlyList<DirectiveTask>)_tasks.Where(s => s.ParentId == t.Id).OrderBy(s => s.Position).ToList()));

    private void AssignNumber(NumberRegister register, int sequence, Organization issuer, Organization? parentBody, DateOnly issuedOn)
    {
        var issuerAsOf = issuer.AsOf(issuedOn);
        RegisterId = register.Id;
        Sequence = sequence;
        Number = DocumentSymbol.Create(sequence, DocumentType, issuerAsOf.SymbolCode).ToString();
        IssuedOn = issuedOn;
        IssuerName = issuerAsOf.Name;
        ParentBodyName = parentBody?.HeaderAbove(issuer, issuedOn);
        Place ??= issuerAsOf.Place;
        SearchText = BuildSearchText();
    }

    private void CreateAssignments()
    {
        var position = 0;
        foreach (var organizationId in _recipients.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct())
        {
            _assignments.Add(new Assignment(Id, organizationId, position++, IssuedOn, Urgency));
        }

        foreach (var task in _tasks.OrderBy(t => t.Position))
        {
            foreach (var (organizationId, role) in task.ResponsibleUnits())
            {
                _taskAssignments.Add(new TaskAssignment(Id, task.Id, organizationId, role, task.Deadline, task.DeadlineAfterReceipt));
            }
        }
    }

    private void Apply(DirectiveContent content)
    {
        if (!Directives.DocumentType.IsKnown(content.DocumentType))
        {
            throw new DomainException($"Loại văn bản \"{content.DocumentType}\" không hợp lệ.");
        }

        // A draft may be half written (saved to be finished later); what publishing needs is checked by PublicationProblems.
        DocumentType = content.DocumentType;
        Subject = (content.Subject ?? string.Empty).Trim();
        Place = string.IsNullOrWhiteSpace(content.Place) ? null : content.Place.Trim();
        Urgency = content.Urgency;
        Confidentiality = content.Confidentiality;
        Preamble = string.IsNullOrWhiteSpace(content.Preamble) ? null : content.Preamble.Trim();
        Closing = string.IsNullOrWhiteSpace(content.Closing) ? null : content.Closing.Trim();
        Signer = content.Signer;

        _recipients.Clear();
        _recipients.AddRange(content.Recipients
            .Where(r => !string.IsNullOrWhiteSpace(r.Text))
            .Select((r, i) => new DirectiveRecipient(i, r.OrganizationId, r.Text)));

        _distribution.Clear();
        _distribution.AddRange(content.Distribution
            .Where(d => !string.IsNullOrWhiteSpace(d.Text))
            .Select((d, i) => new DistributionEntry(i, d.Text, d.Purpose)));

        _references.Clear();
        _references.AddRange(content.References
            .Where(r => r.DirectiveId is not null || !string.IsNullOrWhiteSpace(r.Number))
            .Select((r, i) => new DirectiveReference(i, r.DirectiveId, r.Number)));

        _tasks.Clear();
        var position = 0;
        var number = 0;
        foreach (var task in content.Tasks.Where(t => !IsBlank(t)))
        {
            number++;
            var parent = new DirectiveTask(null, position++, number.ToString(System.Globalization.CultureInfo.InvariantCulture), task.Text, task.Deadline, task.LeadOrganizationId, task.CoordinatingOrganizationIds, task.DeadlineAfterReceipt);
            _tasks.Add(parent);
            var sub = 0;
            foreach (var subtask in task.Subtasks.Where(t => !IsBlank(t)))
            {
                sub++;
                if (subtask.Subtasks.Count > 0)
                {
                    throw new DomainException("Nhiệm vụ chỉ lồng tối đa hai cấp.");
                }

                // A subtask without a deadline of its own takes its parent's, of whichever kind.
                var own = subtask.Deadline is not null || subtask.DeadlineAfterReceipt is not null;
                _tasks.Add(new DirectiveTask(
                    parent.Id,
                    position++,
                    $"{number}.{sub}",
                    subtask.Text,
                    own ? subtask.Deadline : task.Deadline,
                    subtask.LeadOrganizationId,
                    subtask.CoordinatingOrganizationIds,
                    own ? subtask.DeadlineAfterReceipt : task.DeadlineAfterReceipt));
            }
        }

        SearchText = BuildSearchText();
    }

    /// <summary>
    /// What a draft still lacks before it can be published, one Vietnamese sentence per missing field, in the
    /// editor's order. A draft can be saved half written; publishing refuses it while this list is not empty.
    /// </summary>
    public IReadOnlyList<string> PublicationProblems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Subject))
        {
            problems.Add("Chưa có trích yếu.");
        }

        if (_recipients.All(r => r.OrganizationId is null))
        {
            problems.Add("Chưa chọn đơn vị nhận trong hệ thống (cần ít nhất một).");
        }

        foreach (var task in _tasks.Where(t => string.IsNullOrWhiteSpace(t.Text)).OrderBy(t => t.Position))
        {
            problems.Add($"Nhiệm vụ {task.Label} chưa có nội dung.");
        }

        if (Signer.Authority != SigningAuthority.None && string.IsNullOrWhiteSpace(Signer.Body))
        {
            problems.Add($"Chưa ghi tập thể mà người ký thay mặt (sau \"{Signer.Authority.ToPrinted()}\").");
        }

        if (string.IsNullOrWhiteSpace(Signer.Name))
        {
            problems.Add("Chưa có họ tên người ký.");
        }

        return problems;
    }

    // A row the editor offers and nobody filled in; a row with anything in it is kept so nothing typed is lost.
    private static bool IsBlank(TaskContent task) =>
        string.IsNullOrWhiteSpace(task.Text) && task.Deadline is null && task.DeadlineAfterReceipt is null
        && task.LeadOrganizationId is null && task.CoordinatingOrganizationIds.Count == 0 && task.Subtasks.All(IsBlank);

    /// <summary>
    /// The tasks whose deadline has already passed on <paramref name="today"/> (Vietnam date). Legitimate when a
    /// received directive is registered after the fact, a slip otherwise: the editor warns and publishing asks to confirm.
    /// </summary>
    public IReadOnlyList<DirectiveTask> TasksWithPastDeadline(DateOnly today) =>
        _tasks.Where(t => t.Deadline is { } deadline && deadline < today).OrderBy(t => t.Position).ToList();

    /// <summary>The number this draft would get as the <paramref name="sequence"/>th of its register, issued by <paramref name="issuer"/> on <paramref name="issuedOn"/>.</summary>
    public string ExpectedNumber(Organization issuer, int sequence, DateOnly issuedOn) =>
        DocumentSymbol.Create(sequence, DocumentType, issuer.AsOf(issuedOn).SymbolCode).ToString();

    private string BuildSearchText() =>
        DirectiveSearch.SearchTextOf(new[] { Number, Subject, Preamble }.Concat(_tasks.Select(t => t.Text)));

    private void EnsureDraft()
    {
        if (!IsDraft)
        {
            throw new DomainException("Văn bản đã ban hành không thể sửa; hãy ban hành văn bản mới để sửa đổi hoặc thay thế.");
        }
    }
}

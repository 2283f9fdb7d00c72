using DirectiveHub.Directives;

namespace DirectiveHub.Web.Features.Directives;

/// <summary>
/// A draft as the clerk edits it, on the editor page and as the JSON body of POST/PUT /api/directives alike.
/// </summary>
public sealed class DirectiveForm
{
    public string DocumentType { get; set; } = "CV";

    public string Subject { get; set; } = string.Empty;

    public string? Place { get; set; }

    public Urgency Urgency { get; set; }

    public Confidentiality Confidentiality { get; set; }

    public string? Preamble { get; set; }

    public string? Closing { get; set; }

    public List<Guid> RecipientOrganizationIds { get; set; } = [];

    public List<string> OtherRecipients { get; set; } = [];

    public List<TaskForm> Tasks { get; set; } = [];

    public List<DistributionForm> Distribution { get; set; } = [];

    public SignerForm Signer { get; set; } = new();

    public List<ReferenceForm> References { get; set; } = [];

    /// <summary>Drops the blank rows the editor always offers, so they are neither validated nor saved.</summary>
    public DirectiveForm Trimmed()
    {
        // Model binding turns an empty field into null; a half-written draft keeps it as empty text.
        Subject ??= string.Empty;
        Signer ??= new SignerForm();
        Signer.Name ??= string.Empty;
        OtherRecipients = OtherRecipients.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        RecipientOrganizationIds = RecipientOrganizationIds.Where(id => id != Guid.Empty).Distinct().ToList();
        Distribution = Distribution.Where(d => !string.IsNullOrWhiteSpace(d.Text) || !string.IsNullOrWhiteSpace(d.Purpose)).ToList();
        References = References.Where(r => r.DirectiveId is not null || !string.IsNullOrWhiteSpace(r.Number)).ToList();
        foreach (var task in Tasks)
        {
            task.Text ??= string.Empty;
            task.CoordinatingOrganizationIds = task.CoordinatingOrganizationIds.Where(id => id != Guid.Empty).Distinct().ToList();
            task.KeepChosenDeadline();
            foreach (var subtask in task.Subtasks)
            {
                subtask.Text ??= string.Empty;
                subtask.CoordinatingOrganizationIds = subtask.CoordinatingOrganizationIds.Where(id => id != Guid.Empty).Distinct().ToList();
                subtask.KeepChosenDeadline();
            }
        }

        return this;
    }

    /// <param name="organizationNames">Names for the recipient lines, printed as the tree names them today.</param>
    public DirectiveContent ToContent(IReadOnlyDictionary<Guid, string> organizationNames) => new()
    {
        DocumentType = DocumentType,
        Subject = Subject,
        Place = Place,
        Urgency = Urgency,
        Confidentiality = Confidentiality,
        Preamble = Preamble,
        Closing = Closing,
        Recipients = RecipientOrganizationIds
            .Select(id => new RecipientContent(id, organizationNames.GetValueOrDefault(id, id.ToString())))
            .Concat(OtherRecipients.Select(text => new RecipientContent(null, text)))
            .ToList(),
        Tasks = Tasks.Select(t => t.ToContent()).ToList(),
        Distribution = Distribution.Select(d => new DistributionContent(d.Text, d.Purpose)).ToList(),
        Signer = Signer.ToSigner(),
        References = References.Select(r => new ReferenceContent(r.DirectiveId, r.Number)).ToList(),
    };

    public static DirectiveForm From(Directive directive)
    {
        var tree = directive.TaskTree().ToList();
        return new DirectiveForm
        {
            DocumentType = directive.DocumentType,
            Subject = directive.Subject,
            Place = directive.Place,
            Urgency = directive.Urgency,
            Confidentiality = directive.Confidentiality,
            Preamble = directive.Preamble,
            Closing = directive.Closing,
            RecipientOrganizationIds = directive.Recipients.OrderBy(r => r.Position).Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).ToList(),
            OtherRecipients = directive.Recipients.OrderBy(r => r.Position).Where(r => r.OrganizationId is null).Select(r => r.Text).ToList(),
            Tasks = tree.Select(node => TaskForm.From(node.Task, node.Subtasks)).ToList(),
            Distribution = directive.Distribution.OrderBy(d => d.Position).Select(d => new DistributionForm { Text = d.Text, Purpose = d.Purpose }).ToList(),
            Signer = new SignerForm
            {
                Authority = directive.Signer.Authority.ToPrinted(),
                Body = directive.Signer.Body,
                Position = directive.Signer.Position,
                Name = directive.Signer.Name ?? string.Empty,
            },
            References = directive.References.OrderBy(r => r.Position).Select(r => new ReferenceForm { DirectiveId = r.ReferencedDirectiveId, Number = r.Number }).ToList(),
        };
    }

    /// <summary>A form prefilled from content that was not typed here (an imported text).</summary>
    public static DirectiveForm FromContent(DirectiveContent content) => new()
    {
        DocumentType = content.DocumentType,
        Subject = content.Subject,
        Place = content.Place,
        Urgency = content.Urgency,
        Confidentiality = content.Confidentiality,
        Preamble = content.Preamble,
        Closing = content.Closing,
        RecipientOrganizationIds = content.Recipients.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).ToList(),
        OtherRecipients = content.Recipients.Where(r => r.OrganizationId is null).Select(r => r.Text).ToList(),
        Tasks = content.Tasks.Select(TaskForm.FromContent).ToList(),
        Distribution = content.Distribution.Select(d => new DistributionForm { Text = d.Text, Purpose = d.Purpose }).ToList(),
        Signer = new SignerForm { Authority = content.Signer.Authority.ToPrinted(), Body = content.Signer.Body, Position = content.Signer.Position, Name = content.Signer.Name ?? string.Empty },
        References = content.References.Select(r => new ReferenceForm { DirectiveId = r.DirectiveId, Number = r.Number }).ToList(),
    };

    /// <summary>Every organization the form names, to check they exist and lie within the issuer's reach.</summary>
    public IEnumerable<Guid> OrganizationIds() =>
        RecipientOrganizationIds.Concat(Tasks.SelectMany(t => t.OrganizationIds())).Distinct();
}

public sealed class TaskForm
{
    public string Text { get; set; } = string.Empty;

    public DateOnly? Deadline { get; set; }

    /// <summary>The other kind of deadline: <c>"deadlineAfterReceipt": {"days": 10, "workingDays": true}</c>.</summary>
    public ReceiptDeadlineForm? DeadlineAfterReceipt { get; set; }

    /// <summary>
    /// The editor's choice between the two kinds ("Date" or "AfterReceipt"): the fields of the other kind stay in the
    /// form and are dropped here. API clients leave it out and send one kind.
    /// </summary>
    public string? DeadlineKind { get; set; }

    public Guid? LeadOrganizationId { get; set; }

    public List<Guid> CoordinatingOrganizationIds { get; set; } = [];

    public List<TaskForm> Subtasks { get; set; } = [];

    public TaskContent ToContent() =>
        new(
            Text,
            Deadline,
            LeadOrganizationId,
            CoordinatingOrganizationIds,
            Subtasks.Select(s => s.ToContent()).ToList(),
            DeadlineAfterReceipt is { Days: { } days } span ? new DirectiveHub.Calendar.ReceiptDeadline(days, span.WorkingDays) : null);

    public void KeepChosenDeadline()
    {
        if (DeadlineAfterReceipt is { Days: null })
        {
            DeadlineAfterReceipt = null;
        }

        if (string.Equals(DeadlineKind, "Date", StringComparison.Ordinal))
        {
            DeadlineAfterReceipt = null;
        }
        else if (string.Equals(DeadlineKind, "AfterReceipt", StringComparison.Ordinal))
        {
            Deadline = null;
        }
    }

    public IEnumerable<Guid> OrganizationIds() =>
        CoordinatingOrganizationIds
            .Concat(LeadOrganizationId is { } lead ? [lead] : [])
            .Concat(Subtasks.SelectMany(s => s.OrganizationIds()));

    public static TaskForm FromContent(TaskContent task) => new()
    {
        Text = task.Text,
        Deadline = task.Deadline,
        DeadlineAfterReceipt = ReceiptDeadlineForm.From(task.DeadlineAfterReceipt),
        LeadOrganizationId = task.LeadOrganizationId,
        CoordinatingOrganizationIds = task.CoordinatingOrganizationIds.ToList(),
        Subtasks = task.Subtasks.Select(FromContent).ToList(),
    };

    public static TaskForm From(DirectiveTask task, IReadOnlyList<DirectiveTask> subtasks) => new()
    {
        Text = task.Text,
        Deadline = task.Deadline,
        DeadlineAfterReceipt = ReceiptDeadlineForm.From(task.DeadlineAfterReceipt),
        LeadOrganizationId = task.LeadOrganizationId,
        CoordinatingOrganizationIds = task.Coordinators.OrderBy(c => c.Position).Select(c => c.OrganizationId).ToList(),
        Subtasks = subtasks.Select(s => From(s, [])).ToList(),
    };
}

public sealed class ReceiptDeadlineForm
{
    public int? Days { get; set; }

    /// <summary>Working days unless told otherwise: that is how directives count ("10 ngày làm việc").</summary>
    public bool WorkingDays { get; set; } = true;

    public static ReceiptDeadlineForm? From(DirectiveHub.Calendar.ReceiptDeadline? span) =>
        span is null ? null : new ReceiptDeadlineForm { Days = span.Days, WorkingDays = span.WorkingDays };
}

public sealed class DistributionForm
{
    public string Text { get; set; } = string.Empty;

    /// <summary>"để b/c", "để biết", "Lưu"…</summary>
    public string? Purpose { get; set; }
}

public sealed class SignerForm
{
    /// <summary>"T/M", "K/T", "T/L", "T/UQ" or empty when the signer signs with the title alone.</summary>
    public string? Authority { get; set; }

    public string? Body { get; set; }

    public string? Position { get; set; }

    public string Name { get; set; } = string.Empty;

    public Signer ToSigner() => new(SigningAuthorityText.FromPrinted(Authority), Blank(Body), Blank(Position), Blank(Name));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ReferenceForm
{
    public Guid? DirectiveId { get; set; }

    public string? Number { get; set; }
}

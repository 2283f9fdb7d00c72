using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using DirectiveHub.Web.Pages.Directives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Inbox;

/// <summary>A directive as the receiving unit sees it: printed, its attachments, and the tasks assigned to this unit.</summary>
public sealed class DirectiveModel(AppDbContext db, CurrentUser user, Receiving receiving, TaskLifecycle lifecycle, EvidenceIntake intake, TimeProvider clock, IStringLocalizer<SharedResource> localizer, DirectiveHub.Users.Substitutes substitutes) : PageModel
{
    public PrintedDirective Document { get; private set; } = null!;

    public Guid Id { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    public IReadOnlyList<MyTask> Tasks { get; private set; } = [];

    /// <summary>
    /// For a directive received over the document exchange: what the automatic check of its record copy's signatures
    /// said on arrival (who signed, when, changed or not, trusted or not), one line each.
    /// </summary>
    public IReadOnlyList<string> ExchangeSignatureLines { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>The task whose report failed: its form shows the error and keeps what was typed and chosen.</summary>
    public Guid? ErrorTaskId { get; private set; }

    /// <summary>Which of that task's forms failed: "report", "extension" or "refuse".</summary>
    public string? ErrorForm { get; private set; }

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    [BindProperty]
    public ExtensionInput Extension { get; set; } = new();

    [BindProperty]
    public RefusalInput Refusal { get; set; } = new();

    [BindProperty]
    public HandlerInput Handler { get; set; } = new();

    /// <summary>A clerk, leader or administrator of the unit assigns its officers to the tasks (phân công xử lý).</summary>
    public bool CanAssignHandlers { get; private set; }

    /// <summary>The absent clerk or leader whose handler assignments this user makes today ("thay Y"), if any.</summary>
    public string? StandingInFor { get; private set; }

    /// <summary>The unit's active users, for the handler and follower choices.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.TryRead(Request, idempotencyKey, out var key))
        {
            return BadRequest();
        }

        var acknowledgment = await receiving.AcknowledgeAsync(id, Actor(), cancellationToken, key);
        if (acknowledgment is null)
        {
            return NotFound();
        }

        Message = localizer["AcknowledgedMessage", VietnamTime.ShortDateTime(acknowledgment.AcknowledgedAt)].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, List<IFormFile>? evidence, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Tasks.All(t => t.Id != Report.TaskAssignmentId))
        {
            return NotFound();
        }

        ErrorTaskId = Report.TaskAssignmentId;
        ErrorForm = "report";
        var now = clock.GetUtcNow();
        // The statuses a unit may report are the domain's rule (its refusal is shown below); bounds are checked here.
        if (!Enum.IsDefined(Report.Status) || Report.Note?.Length > ProgressReport.MaxNoteLength
            || !IdempotencyKeys.TryRead(Request, Report.IdempotencyKey, out var key))
        {
            ModelState.AddModelError(nameof(Report), localizer["ValInvalidChoice"]);
            Error = localizer["FixErrors"];
            return Page();
        }

        var number = Report.ResultNumber?.Trim();
        if (ModelState.DateError() is { } dateError)
        {
            Error = dateError;
            return Page();
        }

        if (number?.Length > ResultDocument.MaxNumberLength || (string.IsNullOrEmpty(number) != (Report.ResultIssuedOn is null)))
        {
            Error = localizer["ResultNumberInvalid"];
            return Page();
        }

        // A retry of a report already received (a phone resending its queue): nothing new is stored.
        if (key is { } k && await receiving.FindReportAsync(k, cancellationToken) is { } earlier && earlier.TaskAssignmentId == Report.TaskAssignmentId)
        {
            Message = localizer["ReportAlreadyReceived"].Value;
            return RedirectToPage(new { id });
        }

        var files = new List<EvidenceFile>();
        try
        {
            foreach (var file in (evidence ?? []).Where(f => f.Length > 0).Take(EvidenceIntake.MaxFiles))
            {
                await using var upload = file.OpenReadStream();
                files.Add(await intake.StoreAsync(upload, file.Length, file.FileName, cancellationToken));
            }

            var result = string.IsNullOrEmpty(number) ? null : new ResultDocument(number, Report.ResultIssuedOn!.Value);
            await receiving.ReportAsync(Report.TaskAssignmentId, Report.Status, Report.Note, Actor(), new QueuedAction(key, PreparedAt(now)), cancellationToken, files, result);
        }
        catch (DomainException exception)
        {
            // The domain's Vietnamese message says which rule: acknowledgment first, a result for done, a note for blocked.
            await intake.DiscardAsync(files);
            Error = exception.Message;
            return Page();
        }

        ErrorTaskId = null;
        Message = localizer["ReportSaved"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostExtensionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Tasks.All(t => t.Id != Extension.TaskAssignmentId))
        {
            return NotFound();
        }

        (ErrorTaskId, ErrorForm) = (Extension.TaskAssignmentId, "extension");
        if (Extension.ProposedDeadline is not { } proposed)
        {
            Error = ModelState.DateError() ?? localizer["FixErrors"];
            return Page();
        }

        try
        {
            var outcome = await lifecycle.RequestExtensionAsync(Extension.TaskAssignmentId, proposed, Extension.Reason, Actor(), await user.GetViewerAsync(cancellationToken), cancellationToken);
            if (outcome.Status != LifecycleStatus.Done)
            {
                return NotFound();
            }
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }

        Message = localizer["ExtensionRequestedMessage"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Tasks.All(t => t.Id != Refusal.TaskAssignmentId))
        {
            return NotFound();
        }

        (ErrorTaskId, ErrorForm) = (Refusal.TaskAssignmentId, "refuse");
        try
        {
            var outcome = await lifecycle.RefuseAsync(Refusal.TaskAssignmentId, Refusal.Reason, Actor(), await user.GetViewerAsync(cancellationToken), cancellationToken);
            if (outcome.Status != LifecycleStatus.Done)
            {
                return NotFound();
            }
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }

        Message = localizer["RefusedMessage"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostHandlerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Tasks.All(t => t.Id != Handler.TaskAssignmentId))
        {
            return NotFound();
        }

        (ErrorTaskId, ErrorForm) = (Handler.TaskAssignmentId, "handler");
        if (Handler.HandlerUserId is not { } handler)
        {
            Error = localizer["HandlerRequired"];
            return Page();
        }

        try
        {
            var outcome = await lifecycle.AssignHandlerAsync(Handler.TaskAssignmentId, handler, Handler.FollowerUserId, Actor(), await user.GetViewerAsync(cancellationToken), cancellationToken);
            if (outcome.Status == LifecycleStatus.Forbidden)
            {
                return Forbid();
            }

            if (outcome.Status != LifecycleStatus.Done)
            {
                return NotFound();
            }
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }

        Message = localizer["HandlerAssignedMessage"].Value;
        return RedirectToPage(null, null, new { id }, $"task-{Handler.TaskAssignmentId}");
    }

    // The phone's clock, trusted within reason: a time far off is ignored rather than refused.
    private DateTime? PreparedAt(DateTimeOffset now) =>
        Report.PreparedAt is { } prepared && prepared <= now.AddHours(1) && prepared >= now.AddDays(-90) ? prepared.UtcDateTime : null;

    private Actor Actor() => new(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.AsNoTracking()
            .Where(a => a.DirectiveId == id && a.OrganizationId == user.OrganizationId)
            .Select(a => new { a.AcknowledgedAt, AcknowledgedBy = db.Users.Where(u => u.Id == a.AcknowledgedById).Select(u => u.FullName).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        var viewer = await user.GetViewerAsync(cancellationToken);
        var document = assignment is null ? null : await PrintedDirective.LoadAsync(db, viewer, id, VietnamTime.Today(clock), cancellationToken);
        if (assignment is null || document is null)
        {
            return false;
        }

        Id = id;
        Document = document;
        AcknowledgedAt = assignment.AcknowledgedAt;
        AcknowledgedBy = assignment.AcknowledgedBy;
        ExchangeSignatureLines = (await db.ReceivedPackages.AsNoTracking().Where(p => p.DirectiveId == id).Select(p => p.SignatureSummary).SingleOrDefaultAsync(cancellationToken))
            ?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        Attachments = await db.Directives.AsNoTracking().Where(d => d.Id == id).SelectMany(d => d.Attachments).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
        var today = VietnamTime.Today(clock);
        var assignments = await db.TaskAssignments.AsNoTracking()
            .Where(t => t.DirectiveId == id && t.OrganizationId == user.OrganizationId)
            .Include(t => t.Reports)
            .Include(t => t.ExtensionRequests)
            .Include(t => t.Urgings)
            .Include(t => t.HandlerChanges)
            .Include(t => t.Directive)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var taskIds = assignments.Select(a => a.TaskId).ToList();
        var texts = await db.DirectiveTasks.AsNoTracking()
            .Where(t => taskIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new { t.Label, t.Text, t.Position }, cancellationToken);
        var tasks = assignments
            .Select(t => new { t, texts[t.TaskId].Label, texts[t.TaskId].Text, texts[t.TaskId].Position })
            .OrderBy(x => x.Position)
            .ToList();
        var reporterIds = assignments.SelectMany(a => a.Reports).SelectMany(r => new[] { r.ReportedById, r.OnBehalfOfUserId ?? Guid.Empty })
            .Concat(assignments.SelectMany(a => a.HandlerChanges).SelectMany(c => new[] { c.HandlerUserId, c.FollowerUserId ?? Guid.Empty, c.AssignedById, c.OnBehalfOfUserId ?? Guid.Empty }))
            .Distinct().ToList();
        var reporters = await db.Users.AsNoTracking()
            .Where(u => reporterIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var reportIds = assignments.SelectMany(a => a.Reports).Select(r => r.Id).ToList();
        var evidence = (await db.ReportEvidence.AsNoTracking().Where(e => reportIds.Contains(e.ProgressReportId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.ProgressReportId);
        // A lead unit sees what its coordinating units reported (they report to it), beside its own report.
        var leadTasks = assignments.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.TaskId).ToList();
        var coordinators = leadTasks.Count == 0 ? [] : await db.TaskAssignments.AsNoTracking()
            .Where(t => leadTasks.Contains(t.TaskId) && t.Role == AssignmentRole.Coordinator && t.Status != ProgressStatus.Cancelled)
            .Select(t => new
            {
                t.TaskId,
                Unit = db.Organizations.Where(o => o.Id == t.OrganizationId).Select(o => o.Name).First(),
                t.Status,
                Last = t.Reports.OrderByDescending(r => r.ReportedAt).Select(r => new { r.Id, r.ReportedAt, r.Note, r.ResultNumber, r.ResultIssuedOn }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var coordinatorReportIds = coordinators.Where(c => c.Last is not null).Select(c => c.Last!.Id).ToList();
        var coordinatorEvidence = (await db.ReportEvidence.AsNoTracking().Where(e => coordinatorReportIds.Contains(e.ProgressReportId)).Select(e => new { e.Id, e.FileName, e.ProgressReportId }).ToListAsync(cancellationToken))
            .ToLookup(e => e.ProgressReportId, e => (e.Id, e.FileName));
        var coordinatorsOf = coordinators.OrderBy(c => c.Unit, StringComparer.Ordinal).ToLookup(c => c.TaskId, c => new CoordinatorRow(
            c.Unit, c.Status, c.Last?.ReportedAt, c.Last?.Note, c.Last?.ResultNumber, c.Last?.ResultIssuedOn, c.Last is null ? [] : coordinatorEvidence[c.Last.Id].ToList()));
        Tasks = tasks.Select(x => new MyTask(
                x.t.Id,
                x.Label,
                x.Text,
                x.t.Role,
                x.t.Deadline,
                x.t.Status,
                TaskAssignmentState.Of(x.t, x.t.Directive!.Status, today) == TaskState.Overdue,
                x.t.IsDeadlinePending ? x.t.DeadlineAfterReceipt : null,
                x.t.Reports.OrderByDescending(r => r.ReportedAt).Select(r => new ReportRow(r.ReportedAt, r.Status, r.Note, reporters.GetValueOrDefault(r.ReportedById), evidence[r.Id].Select(e => (e.Id, e.FileName)).ToList(), r.ResultNumber, r.ResultIssuedOn, r.Review, r.ReviewNote, Name(r.OnBehalfOfUserId))).ToList(),
                new MyLifecycle(
                    x.t.IsWithUnit && x.t.Directive!.Status == DirectiveStatus.Published,
                    x.t.OriginalDeadline,
                    x.t.ExtensionRequests.Where(e => e.IsPending).Select(e => (DateOnly?)e.ProposedDeadline).FirstOrDefault(),
                    x.t.Status == ProgressStatus.Returned ? x.t.Reports.Where(r => r.Review == ReviewDecision.Return).OrderByDescending(r => r.ReviewedAt).Select(r => r.ReviewNote).FirstOrDefault() : null,
                    x.t.Quality,
                    x.t.Timing,
                    x.t.CancellationReason,
                    x.t.Urgings.OrderByDescending(u => u.SentAt).Select(u => new UrgingRow(u.SentAt, u.Kind, u.Text, u.ReportBy)).ToList()))
        {
            Handling = new MyHandling(
                    x.t.HandlerUserId,
                    Name(x.t.HandlerUserId),
                    x.t.FollowerUserId,
                    Name(x.t.FollowerUserId),
                    x.t.HandlerChanges.OrderByDescending(c => c.AssignedAt).Select(c => new HandlerChangeRow(c.AssignedAt, Name(c.HandlerUserId) ?? "", Name(c.FollowerUserId), Name(c.AssignedById), Name(c.OnBehalfOfUserId))).ToList()),
            Coordinators = x.t.Role == AssignmentRole.Lead ? coordinatorsOf[x.t.TaskId].ToList() : [],
        })
            .ToList();
        CanAssignHandlers = viewer.SeesSubtree && viewer.OrganizationId == user.OrganizationId;
        if (!CanAssignHandlers && await substitutes.UnitLeadStoodInForAsync(user.Id, user.OrganizationId, cancellationToken) is { } absentLead)
        {
            (CanAssignHandlers, StandingInFor) = (true, absentLead.Name);
        }

        if (CanAssignHandlers)
        {
            Members = (await db.Users.AsNoTracking()
                    .Where(u => u.OrganizationId == user.OrganizationId && !u.IsDeactivated)
                    .OrderBy(u => u.FullName)
                    .Select(u => new { u.Id, u.FullName, u.Email })
                    .Take(500)
                    .ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.FullName.Length > 0 ? u.FullName : u.Email ?? "")).ToList();
        }

        return true;

        string? Name(Guid? userId) => userId is { } known ? reporters.GetValueOrDefault(known) : null;
    }

    /// <param name="PendingSpan">A deadline counted from receipt that the unit's acknowledgment has not fixed yet.</param>
    public sealed record MyTask(Guid Id, string Label, string Text, AssignmentRole Role, DateOnly? Deadline, ProgressStatus Status, bool Overdue, DirectiveHub.Calendar.ReceiptDeadline? PendingSpan, IReadOnlyList<ReportRow> Reports, MyLifecycle Lifecycle)
    {
        public MyHandling Handling { get; init; } = new(null, null, null, null, []);

        /// <summary>For a lead unit: the coordinating units of the task and their latest report.</summary>
        public IReadOnlyList<CoordinatorRow> Coordinators { get; init; } = [];
    }

    public sealed record CoordinatorRow(string Unit, ProgressStatus Status, DateTime? ReportedAt, string? Note, string? ResultNumber, DateOnly? ResultIssuedOn, IReadOnlyList<(Guid Id, string FileName)> Evidence);

    /// <summary>Người xử lý and người theo dõi inside the unit, and who assigned them when (newest first).</summary>
    public sealed record MyHandling(Guid? HandlerUserId, string? Handler, Guid? FollowerUserId, string? Follower, IReadOnlyList<HandlerChangeRow> History);

    /// <param name="OnBehalfOf">The absent user the assigner stood in for ("X thay Y").</param>
    public sealed record HandlerChangeRow(DateTime At, string Handler, string? Follower, string? By, string? OnBehalfOf);

    /// <param name="WithUnit">The unit may report, ask for an extension or refuse ("chờ đơn vị báo cáo").</param>
    public sealed record MyLifecycle(bool WithUnit, DateOnly? OriginalDeadline, DateOnly? PendingExtension, string? ReturnReason, ResultQuality? Quality, ResultTiming? Timing, string? CancellationReason, IReadOnlyList<UrgingRow> Urgings);

    public sealed record UrgingRow(DateTime At, UrgingKind Kind, string Text, DateOnly? ReportBy);

    public sealed record ReportRow(DateTime At, ProgressStatus Status, string? Note, string? By, IReadOnlyList<(Guid Id, string FileName)> Evidence, string? ResultNumber = null, DateOnly? ResultIssuedOn = null, ReviewDecision? Review = null, string? ReviewNote = null, string? OnBehalfOf = null);

    public sealed class ReportInput
    {
        public Guid TaskAssignmentId { get; set; }

        public ProgressStatus Status { get; set; } = ProgressStatus.InProgress;

        public string? Note { get; set; }

        /// <summary>Sent by the page's script (a GUID); a retry of the same report carries the same key.</summary>
        public string? IdempotencyKey { get; set; }

        /// <summary>When the officer wrote the report on the phone, for a report kept offline and sent later.</summary>
        public DateTimeOffset? PreparedAt { get; set; }

        /// <summary>Number and symbol of the document reporting the result ("12-BC/ĐU").</summary>
        public string? ResultNumber { get; set; }

        public DateOnly? ResultIssuedOn { get; set; }
    }

    public sealed class ExtensionInput
    {
        public Guid TaskAssignmentId { get; set; }

        public DateOnly? ProposedDeadline { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class HandlerInput
    {
        public Guid TaskAssignmentId { get; set; }

        public Guid? HandlerUserId { get; set; }

        public Guid? FollowerUserId { get; set; }
    }

    public sealed class RefusalInput
    {
        public Guid TaskAssignmentId { get; set; }

        public string? Reason { get; set; }
    }
}

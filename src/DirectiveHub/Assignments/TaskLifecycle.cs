using DirectiveHub.Access;
using DirectiveHub.Auditing;
using DirectiveHub.Calendar;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Time;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Assignments;

/// <summary>
/// Closing the loop on a task assignment after its unit reports: the issuer's review of the result, extension
/// requests and their decision, urgings, refusal, cancellation and reassignment. Shared by the tracking and inbox pages
/// and the API. Who may act: the issuer's side is a clerk, leader or administrator of the directive's issuing unit
/// (<see cref="Viewer.SeesSubtree"/>); the assignee's side is anyone of the assigned unit. A caller who can see the
/// assignment but is on the wrong side gets <see cref="LifecycleStatus.Forbidden"/>; anyone else "not found".
/// The transitions themselves are <see cref="TaskAssignment"/>'s; a state that moved is a <see cref="StateConflictException"/>.
/// </summary>
public sealed class TaskLifecycle(AppDbContext db, TimeProvider clock, WorkingCalendarService calendars, Users.Substitutes substitutes)
{
    private sealed record Scope(TaskAssignment Task, Guid IssuerId, string? Number, string IssuerPath, string UnitPath, string UnitName, string? TaskLabel)
    {
        /// <summary>"nhiệm vụ 2 của văn bản số 114-CV/HU": each notice names its task, as the alerts do.</summary>
        public string What => TaskNoticeName.Of(TaskLabel, Number);
    }

    public async Task<LifecycleOutcome> ReviewAsync(Guid taskAssignmentId, ReviewDecision decision, ResultQuality? quality, string? reason, Actor actor, Viewer viewer, int? expectedVersion, CancellationToken cancellationToken)
    {
        var (scope, denied) = await LoadAsync(taskAssignmentId, actor, viewer, issuerSide: true, expectedVersion, cancellationToken);
        if (scope is null)
        {
            return denied!;
        }

        var task = scope.Task;
        var now = Now();
        var before = task.Status;
        task.Review(decision, quality, reason, actor.UserId, actor.OrganizationId, now);
        var accepted = decision == ReviewDecision.Accept;
        Notify(task.OrganizationId, NotificationKind.Review, accepted
            ? $"Kết quả {scope.What} đã được xác nhận: {TaskAssignment.StatusText(task.Status)}"
            : $"Kết quả {scope.What} bị trả lại: {reason?.Trim()}", NoticeTarget.ReceivedDirective, task, now);
        Audit(accepted ? AuditActions.ResultAccepted : AuditActions.ResultReturned, task, actor, now, new
        {
            From = before.ToString(),
            To = task.Status.ToString(),
            Quality = task.Quality?.ToString(),
            Timing = task.Timing?.ToString(),
            Reason = accepted ? null : reason?.Trim(),
            task.ReturnCount,
        });
        await SaveAsync(cancellationToken);
        Telemetry.DirectiveHubMetrics.ResultsReviewed.Add(1, new("outcome", accepted ? "accepted" : "returned"), new("quality", task.Quality?.ToString() ?? "none"));
        return new LifecycleOutcome(LifecycleStatus.Done, task.Id);
    }

    public async Task<LifecycleOutcome> RequestExtensionAsync(Guid taskAssignmentId, DateOnly proposedDeadline, string? reason, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var (scope, denied) = await LoadAsync(taskAssignmentId, actor, viewer, issuerSide: false, null, cancellationToken);
        if (scope is null)
        {
            return denied!;
        }

        var task = scope.Task;
        actor = await substitutes.StandInAsync(actor, task.HandlerUserId, cancellationToken);
        var now = Now();
        var request = task.RequestExtension(proposedDeadline, reason, actor.UserId, now);
        db.ExtensionRequests.Add(request);
        Notify(scope.IssuerId, NotificationKind.Extension, $"{scope.UnitName} xin gia hạn {scope.What} đến {VietnamTime.ShortDate(proposedDeadline)}", NoticeTarget.TrackedDirective, task, now);
        Audit(AuditActions.ExtensionRequested, task, actor, now, new { RequestId = request.Id, Deadline = task.Deadline, Proposed = proposedDeadline, request.Reason });
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, request.Id);
    }

    public async Task<LifecycleOutcome> DecideExtensionAsync(Guid requestId, bool approve, string? reason, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var taskAssignmentId = await db.ExtensionRequests.Where(r => r.Id == requestId).Select(r => (Guid?)r.TaskAssignmentId).SingleOrDefaultAsync(cancellationToken);
        if (taskAssignmentId is null)
        {
            return LifecycleOutcome.NotFound;
        }

        var (scope, denied) = await LoadAsync(taskAssignmentId.Value, actor, viewer, issuerSide: true, null, cancellationToken);
        if (scope is null)
        {
            return denied!;
        }

        var task = scope.Task;
        var now = Now();
        var before = task.Deadline;
        task.DecideExtension(requestId, approve, reason, actor.UserId, actor.OrganizationId, now);
        Notify(task.OrganizationId, NotificationKind.Extension, approve
            ? $"Đồng ý gia hạn {scope.What} đến {(task.Deadline is { } d ? VietnamTime.ShortDate(d) : "")}"
            : $"Không đồng ý gia hạn {scope.What}: {reason?.Trim()}", NoticeTarget.ReceivedDirective, task, now);
        Audit(AuditActions.ExtensionDecided, task, actor, now, new
        {
            RequestId = requestId,
            Approved = approve,
            Reason = reason?.Trim(),
            From = before,
            To = task.Deadline,
            Original = task.OriginalDeadline,
            task.ExtensionCount,
        });
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, requestId);
    }

    public async Task<LifecycleOutcome> UrgeAsync(Guid taskAssignmentId, UrgingKind kind, string? text, DateOnly? reportBy, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var (scope, denied) = await LoadAsync(taskAssignmentId, actor, viewer, issuerSide: true, null, cancellationToken);
        if (scope is null)
        {
            return denied!;
        }

        var urging = await UrgeOneAsync(scope, kind, text, reportBy, actor, Now(), cancellationToken);
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, urging.Id);
    }

    /// <summary>
    /// One urging to every assignment of the directive that <paramref name="target"/> selects and that is still in its
    /// unit's hands, in one save: all are sent or none.
    /// </summary>
    public async Task<LifecycleOutcome> UrgeManyAsync(Guid directiveId, UrgingTarget target, UrgingKind kind, string? text, DateOnly? reportBy, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var directive = await db.Directives.Where(d => d.Id == directiveId && d.Status == DirectiveStatus.Published)
            .Select(d => new { d.IssuerId, d.Number, IssuerPath = db.Organizations.Where(o => o.Id == d.IssuerId).Select(o => o.Path).First() })
            .SingleOrDefaultAsync(cancellationToken);
        if (directive is null)
        {
            return LifecycleOutcome.NotFound;
        }

        if (!IsIssuerSide(directive.IssuerId, actor, viewer))
        {
            return await db.Directives.VisibleTo(db, viewer).AnyAsync(d => d.Id == directiveId, cancellationToken) ? LifecycleOutcome.Forbidden : LifecycleOutcome.NotFound;
        }

        if (!Enum.IsDefined(target))
        {
            throw new DomainException("Đối tượng phải là NotAcknowledged hoặc Overdue.", "target");
        }

        var now = Now();
        var today = VietnamTime.DateOf(now);
        var open = db.TaskAssignments.Where(t => t.DirectiveId == directiveId
            && (t.Status == ProgressStatus.NotStarted || t.Status == ProgressStatus.InProgress || t.Status == ProgressStatus.Blocked || t.Status == ProgressStatus.Returned));
        open = target == UrgingTarget.Overdue
            ? open.Where(t => t.Deadline != null && t.Deadline < today)
            : open.Where(t => db.Assignments.Any(a => a.DirectiveId == directiveId && a.OrganizationId == t.OrganizationId && a.AcknowledgedAt == null));
        var tasks = await open.Include(t => t.Urgings).ToListAsync(cancellationToken);
        var units = tasks.Select(t => t.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.Where(o => units.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Path }, cancellationToken);
        var taskIds = tasks.Select(t => t.TaskId).Distinct().ToList();
        var labels = await db.DirectiveTasks.Where(d => taskIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Label, cancellationToken);
        foreach (var task in tasks)
        {
            var unit = names[task.OrganizationId];
            await UrgeOneAsync(new Scope(task, directive.IssuerId, directive.Number, directive.IssuerPath, unit.Path, unit.Name, labels.GetValueOrDefault(task.TaskId)), kind, text, reportBy, actor, now, cancellationToken);
        }

        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, Count: tasks.Count, Units: units.Count);
    }

    public async Task<LifecycleOutcome> RefuseAsync(Guid taskAssignmentId, string? reason, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var (scope, denied) = await LoadAsync(taskAssignmentId, actor, viewer, issuerSide: false, null, cancellationToken);
        if (scope is null)
        {
            return denied!;
        }

        var task = scope.Task;
        actor = await substitutes.StandInAsync(actor, task.HandlerUserId, cancellationToken);
        var receipt = await db.Assignments.SingleAsync(a => a.DirectiveId == task.DirectiveId && a.OrganizationId == task.OrganizationId, cancellationToken);
        var now = Now();
        var before = task.Status;
        var report = task.Refuse(receipt, reason, actor.UserId, now, actor.OnBehalfOfUserId);
        db.ProgressReports.Add(report);
        Notify(scope.IssuerId, NotificationKind.Cancellation, $"{scope.UnitName} từ chối {scope.What}: {reason?.Trim()}", NoticeTarget.TrackedDirective, task, now);
        Audit(AuditActions.Refused, task, actor, now, new { From = before.ToString(), To = task.Status.ToString(), Reason = reason?.Trim() });
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, task.Id);
    }

    public async Task<LifecycleOutcome> CancelAsync(Guid taskAssignmentId, string? reason, Actor actor, Viewer viewer, int? expectedVersion, CancellationToken cancellationToken)
    {
        var (scope, denied) = await LoadAsync(taskAssignmentId, actor, viewer, issuerSide: true, expectedVersion, cancellationToken);
        if (scope is null)
        {
            return denied!;
        }

        var task = scope.Task;
        var siblings = await db.TaskAssignments.Where(t => t.TaskId == task.TaskId).ToListAsync(cancellationToken);
        TaskAssignment.EnsureLeadRemains(siblings, task);
        CancelOne(scope, reason, actor, Now());
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, task.Id);
    }

    /// <summary>Cancels a whole task: every assignment of it not finished, in one save.</summary>
    public async Task<LifecycleOutcome> CancelTaskAsync(Guid taskId, string? reason, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var ids = await db.TaskAssignments.Where(t => t.TaskId == taskId).Select(t => new { t.Id, t.Status }).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return LifecycleOutcome.NotFound;
        }

        // Who asks is checked before what state the task is in: a unit that cannot see the task must not learn from a
        // 409 that it exists and is finished.
        var (_, refused) = await LoadAsync(ids[0].Id, actor, viewer, issuerSide: true, null, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var now = Now();
        var count = 0;
        Scope? last = null;
        foreach (var id in ids.Where(i => i.Status is not (ProgressStatus.Done or ProgressStatus.DoneLate or ProgressStatus.Cancelled)))
        {
            var (scope, denied) = await LoadAsync(id.Id, actor, viewer, issuerSide: true, null, cancellationToken);
            if (scope is null)
            {
                return denied!;
            }

            CancelOne(scope, reason, actor, now);
            last = scope;
            count++;
        }

        if (last is null)
        {
            throw new StateConflictException("Nhiệm vụ không còn phần việc nào để hủy.");
        }

        // Besides each assignment's own entry, one on the directive: its history says which task was cancelled and why.
        db.AuditEvents.Add(new AuditEvent(AuditActions.TaskCancelled, nameof(Directive), last.Task.DirectiveId.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress,
            System.Text.Json.JsonSerializer.Serialize(new { Task = last.TaskLabel, Reason = reason?.Trim(), Count = count }), now, actor.OnBehalfOfUserId, actor.OnBehalfOfName));
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, taskId, count);
    }

    /// <summary>
    /// Phân công xử lý inside the receiving unit: a clerk, leader or administrator of that unit (or whoever stands in for
    /// one today, <see cref="Users.Substitutes.UnitLeadStoodInForAsync"/>) names the officer who
    /// handles the assignment and, optionally, a follower; both are told by a personal notice. Another unit gets "not
    /// found" (or "forbidden" when it follows the directive from above); an officer of the unit, "forbidden".
    /// </summary>
    public async Task<LifecycleOutcome> AssignHandlerAsync(Guid taskAssignmentId, Guid handlerUserId, Guid? followerUserId, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var found = await db.TaskAssignments.Where(t => t.Id == taskAssignmentId)
            .Select(t => new { t.OrganizationId, t.DirectiveId, t.Directive!.Number, t.Directive.Status, Label = db.DirectiveTasks.Where(d => d.Id == t.TaskId).Select(d => d.Label).First() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return LifecycleOutcome.NotFound;
        }

        if (found.OrganizationId != actor.OrganizationId)
        {
            return await db.Directives.VisibleTo(db, viewer).AnyAsync(d => d.Id == found.DirectiveId, cancellationToken) ? LifecycleOutcome.Forbidden : LifecycleOutcome.NotFound;
        }

        // An officer standing in for the unit's absent clerk or leader assigns on their behalf.
        var leadsUnit = viewer.SeesSubtree;
        if (!leadsUnit && await substitutes.UnitLeadStoodInForAsync(actor.UserId, actor.OrganizationId, cancellationToken) is { } absentLead)
        {
            (leadsUnit, actor) = (true, actor with { OnBehalfOfUserId = absentLead.UserId, OnBehalfOfName = absentLead.Name });
        }

        if (!leadsUnit)
        {
            return LifecycleOutcome.Forbidden;
        }

        if (found.Status == DirectiveStatus.Withdrawn)
        {
            throw new StateConflictException($"Văn bản số {found.Number} đã bị thu hồi.");
        }

        var ids = followerUserId is { } f ? new[] { handlerUserId, f } : [handlerUserId];
        var members = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new { Member = new Users.UnitMember(u.Id, u.OrganizationId, !u.IsDeactivated), u.FullName })
            .ToDictionaryAsync(u => u.Member.UserId, cancellationToken);
        // A user who does not exist reads like one of another unit: the domain's message names the field.
        var handler = members.GetValueOrDefault(handlerUserId)?.Member ?? new Users.UnitMember(handlerUserId, Guid.Empty, false);
        var follower = followerUserId is { } fid ? members.GetValueOrDefault(fid)?.Member ?? new Users.UnitMember(fid, Guid.Empty, false) : null;
        var task = await db.TaskAssignments.SingleAsync(t => t.Id == taskAssignmentId, cancellationToken);
        var now = Now();
        var before = task.HandlerUserId;
        var change = task.AssignHandler(handler, follower, actor.UserId, actor.OrganizationId, leadsUnit, now, actor.OnBehalfOfUserId);
        db.HandlerChanges.Add(change);
        var what = $"nhiệm vụ {found.Label} của văn bản số {found.Number}";
        db.Notifications.Add(new Notification(task.OrganizationId, NotificationKind.Handling, $"Bạn được phân công xử lý {what}", NoticeTarget.ReceivedDirective, task.DirectiveId, task.Id, now, userId: handlerUserId));
        if (followerUserId is { } followerId)
        {
            db.Notifications.Add(new Notification(task.OrganizationId, NotificationKind.Handling, $"Bạn được phân công theo dõi {what}", NoticeTarget.ReceivedDirective, task.DirectiveId, task.Id, now, userId: followerId));
        }

        Audit(AuditActions.HandlerAssigned, task, actor, now, new
        {
            From = before,
            Handler = handlerUserId,
            HandlerName = members[handlerUserId].FullName,
            Follower = followerUserId,
            FollowerName = followerUserId is { } fo ? members[fo].FullName : null,
        });
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, change.Id);
    }

    /// <summary>Giao lại: a refused assignment passes to another unit, which receives the directive if it had not.</summary>
    public async Task<LifecycleOutcome> ReassignAsync(Guid taskAssignmentId, Guid organizationId, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        // A unit that had not received the directive receives it now and enters it in its incoming register: its
        // register of the year is opened first, before anything is changed (opening it saves).
        if (await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            await Numbering.ArrivalNumbering.EnsureAsync(db, [organizationId], Numbering.ArrivalNumbering.YearOf(Now()), cancellationToken);
        }

        var (scope, denied) = await LoadAsync(taskAssignmentId, actor, viewer, issuerSide: true, null, cancellationToken);
        if (scope is null)
        {
            return denied!;
        }

        var task = scope.Task;
        var target = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Path, o.Name, o.DissolvedOn }).SingleOrDefaultAsync(cancellationToken);
        if (target is null || target.DissolvedOn is not null || !target.Path.StartsWith(scope.IssuerPath, StringComparison.Ordinal))
        {
            throw new DomainException("Đơn vị được giao lại phải là đơn vị đang hoạt động thuộc cấp ủy ban hành.", "organizationId");
        }

        var now = Now();
        var successor = task.ReassignTo(organizationId, actor.OrganizationId);
        if (await db.TaskAssignments.AnyAsync(t => t.TaskId == task.TaskId && t.OrganizationId == organizationId, cancellationToken))
        {
            throw new DomainException("Đơn vị này đã được giao nhiệm vụ này.", "organizationId");
        }

        var receipt = await db.Assignments.SingleOrDefaultAsync(a => a.DirectiveId == task.DirectiveId && a.OrganizationId == organizationId, cancellationToken);
        if (receipt is null)
        {
            var directive = await db.Directives.Where(d => d.Id == task.DirectiveId).Select(d => new { d.IssuedOn, d.Urgency }).SingleAsync(cancellationToken);
            var arrived = Assignment.ForSuccessor(task.DirectiveId, organizationId, directive.IssuedOn, directive.Urgency);
            db.Assignments.Add(arrived);
            // Outside a transaction the register's row version turns a concurrent delivery into a conflict, not a duplicate.
            await Numbering.ArrivalNumbering.AssignAsync(db, [arrived], now, cancellationToken);
        }
        else if (receipt.AcknowledgedAt is { } acknowledgedAt)
        {
            successor.FixDeadlineFromReceipt(ReceiptDeadline.ReceiptDate(acknowledgedAt), await calendars.LoadAsync(cancellationToken));
        }

        db.TaskAssignments.Add(successor);
        Notify(organizationId, NotificationKind.NewDirective, $"Được giao lại {scope.What}", NoticeTarget.ReceivedDirective, successor, now);
        Audit(AuditActions.Reassigned, task, actor, now, new { From = task.OrganizationId, To = organizationId, ToName = target.Name, Successor = successor.Id });
        await SaveAsync(cancellationToken);
        return new LifecycleOutcome(LifecycleStatus.Done, successor.Id);
    }

    private async Task<Urging> UrgeOneAsync(Scope scope, UrgingKind kind, string? text, DateOnly? reportBy, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var task = scope.Task;
        var urging = task.Urge(kind, text, reportBy, actor.UserId, actor.OrganizationId, now);
        db.Urgings.Add(urging);
        var title = $"{KindText(kind)}: {scope.What}" + (reportBy is { } by ? $" (báo cáo trước {VietnamTime.ShortDate(by)})" : "");
        Notify(task.OrganizationId, NotificationKind.Urging, title, NoticeTarget.ReceivedDirective, task, now);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId == task.OrganizationId && !u.IsDeactivated && u.Email != null)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.OutboxMessages.Add(new OutboxMessage(person.Email!, title, $"{title}\n\n{urging.Text}", $"urging:{urging.Id}:{person.Id}", now, link: (NoticeTarget.ReceivedDirective, task.DirectiveId)));
        }

        Audit(AuditActions.Urged, task, actor, now, new { UrgingId = urging.Id, Kind = kind.ToString(), urging.Text, ReportBy = reportBy, task.UrgingCount });
        return urging;
    }

    private void CancelOne(Scope scope, string? reason, Actor actor, DateTime now)
    {
        var task = scope.Task;
        var before = task.Status;
        task.Cancel(reason, actor.UserId, actor.OrganizationId, now);
        Notify(task.OrganizationId, NotificationKind.Cancellation, $"{Text.VietnameseText.Capitalized(scope.What)} đã bị hủy: {reason?.Trim()}", NoticeTarget.ReceivedDirective, task, now);
        Audit(AuditActions.Cancelled, task, actor, now, new { From = before.ToString(), To = task.Status.ToString(), Reason = reason?.Trim() });
    }


    public static string KindText(UrgingKind kind) => kind switch
    {
        UrgingKind.NhacNho => "Nhắc nhở",
        UrgingKind.PheBinh => "Phê bình",
        _ => "Yêu cầu kiểm điểm",
    };

    private static bool IsIssuerSide(Guid issuerId, Actor actor, Viewer viewer) => actor.OrganizationId == issuerId && viewer.SeesSubtree;

    private async Task<(Scope? Scope, LifecycleOutcome? Denied)> LoadAsync(Guid taskAssignmentId, Actor actor, Viewer viewer, bool issuerSide, int? expectedVersion, CancellationToken cancellationToken)
    {
        var found = await db.TaskAssignments
            .Where(t => t.Id == taskAssignmentId)
            .Join(db.Directives, t => t.DirectiveId, d => d.Id, (t, d) => new { t.Id, t.DirectiveId, t.TaskId, d.IssuerId, d.Number, d.Status, t.OrganizationId })
            .Select(x => new
            {
                x.Id,
                x.DirectiveId,
                x.IssuerId,
                x.Number,
                x.Status,
                x.OrganizationId,
                x.TaskId,
                IssuerPath = db.Organizations.Where(o => o.Id == x.IssuerId).Select(o => o.Path).First(),
                Unit = db.Organizations.Where(o => o.Id == x.OrganizationId).Select(o => new { o.Path, o.Name }).First(),
                TaskLabel = db.DirectiveTasks.Where(d => d.Id == x.TaskId).Select(d => d.Label).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, LifecycleOutcome.NotFound);
        }

        var isAssignee = actor.OrganizationId == found.OrganizationId;
        var visible = isAssignee || await db.Directives.VisibleTo(db, viewer).AnyAsync(d => d.Id == found.DirectiveId, cancellationToken);
        if (!visible)
        {
            return (null, LifecycleOutcome.NotFound);
        }

        if (issuerSide ? !IsIssuerSide(found.IssuerId, actor, viewer) : !isAssignee)
        {
            return (null, LifecycleOutcome.Forbidden);
        }

        if (found.Status == DirectiveStatus.Withdrawn)
        {
            throw new StateConflictException($"Văn bản số {found.Number} đã bị thu hồi.");
        }

        var task = await db.TaskAssignments
            .Include(t => t.Reports)
            .Include(t => t.ExtensionRequests)
            .AsSplitQuery()
            .SingleAsync(t => t.Id == taskAssignmentId, cancellationToken);
        if (expectedVersion is { } version && version != task.Version)
        {
            throw new StateConflictException("Nhiệm vụ vừa được người khác cập nhật: hãy tải lại trang và kiểm tra trước khi quyết định.");
        }

        return (new Scope(task, found.IssuerId, found.Number, found.IssuerPath, found.Unit.Path, found.Unit.Name, found.TaskLabel), null);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another clerk decided on the same assignment between our read and our write: theirs stands, nothing of ours is kept.
            db.ChangeTracker.Clear();
            throw new StateConflictException("Nhiệm vụ vừa được người khác cập nhật: hãy tải lại trang và kiểm tra trước khi quyết định.");
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private void Notify(Guid organizationId, NotificationKind kind, string title, NoticeTarget target, TaskAssignment task, DateTime now) =>
        db.Notifications.Add(new Notification(organizationId, kind, title, target, task.DirectiveId, task.Id, now));

    private void Audit(string action, TaskAssignment task, Actor actor, DateTime now, object details) =>
        db.AuditEvents.Add(new AuditEvent(action, nameof(TaskAssignment), task.Id.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, System.Text.Json.JsonSerializer.Serialize(details), now, actor.OnBehalfOfUserId, actor.OnBehalfOfName));
}

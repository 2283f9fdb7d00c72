using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Tracking;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Tracking;

/// <summary>
/// Theo dõi thực hiện: for the issuer of a directive and the committees above it. The issuer's clerks and leaders also
/// decide here: accept (with a quality grade) or return a result, decide an extension, urge, cancel and reassign.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser user, TaskLifecycle lifecycle, TimeProvider clock, IStringLocalizer<SharedResource> localizer, DirectiveHub.Exchange.ExchangeOptions exchange) : PageModel
{
    public TrackingView View { get; private set; } = null!;

    /// <summary>Statuses the receiving units' systems sent back over the document exchange (liên thông).</summary>
    public IReadOnlyList<DirectiveHub.Exchange.ExchangeStatusRow> ExchangeStatuses { get; private set; } = [];

    /// <summary>The packages publishing pushed to exchange peers and where each stands (the issuer's side only).</summary>
    public IReadOnlyList<DirectiveHub.Exchange.ExchangeDeliveryRow> ExchangeDeliveries { get; private set; } = [];

    /// <summary>The viewer is on the issuer's side: a clerk, leader or administrator of the issuing unit.</summary>
    public bool CanDecide { get; private set; }

    /// <summary>Units the issuer may reassign refused work to: active units beneath it.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>The assignment (or the bulk form: <see cref="Guid.Empty"/>; a whole-task cancellation: the task) whose form failed, and which form.</summary>
    public Guid? ErrorFor { get; private set; }

    public string? ErrorForm { get; private set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, "review", async (actor, viewer) =>
        {
            if (Decision.Review is not { } review || (review == ReviewDecision.Accept && Decision.Quality is null))
            {
                throw new DomainException(localizer["ValInvalidChoice"], "quality");
            }

            return await lifecycle.ReviewAsync(Decision.TaskAssignmentId, review, Decision.Quality, Decision.Reason, actor, viewer, Decision.Version, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostExtensionAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, "extension", async (actor, viewer) =>
            await lifecycle.DecideExtensionAsync(Decision.RequestId, Decision.Approve, Decision.Reason, actor, viewer, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUrgeAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, "urge", async (actor, viewer) =>
            await lifecycle.UrgeAsync(Decision.TaskAssignmentId, Decision.Kind, Decision.Text, Decision.ReportBy, actor, viewer, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUrgeManyAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, "urgeMany", async (actor, viewer) =>
        {
            var outcome = await lifecycle.UrgeManyAsync(id, Decision.Target, Decision.Kind, Decision.Text, Decision.ReportBy, actor, viewer, cancellationToken);
            // Units are what the clerk chose to remind ("the units that have not acknowledged"); a unit may hold several tasks.
            Message = localizer["UrgedCount", outcome.Units, outcome.Count].Value;
            return outcome;
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, "cancel", async (actor, viewer) =>
            await lifecycle.CancelAsync(Decision.TaskAssignmentId, Decision.Reason, actor, viewer, Decision.Version, cancellationToken), cancellationToken);

    /// <summary>Hủy nhiệm vụ: every unfinished assignment of one task, after the clerk ticks the confirmation.</summary>
    public Task<IActionResult> OnPostCancelTaskAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, "cancelTask", async (actor, viewer) =>
        {
            if (!Decision.Confirm)
            {
                throw new DomainException(localizer["CancelTaskConfirmRequired"], "confirm");
            }

            var outcome = await lifecycle.CancelTaskAsync(Decision.TaskId, Decision.Reason, actor, viewer, cancellationToken);
            if (outcome.Status == LifecycleStatus.Done)
            {
                Message = localizer["TaskCancelledCount", View.Tasks.First(t => t.TaskId == Decision.TaskId).Label, outcome.Count].Value;
            }

            return outcome;
        }, cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, "reassign", async (actor, viewer) =>
            await lifecycle.ReassignAsync(Decision.TaskAssignmentId, Decision.OrganizationId, actor, viewer, cancellationToken), cancellationToken);

    /// <summary>
    /// Every decision goes the same way: the assignment must belong to this directive's tracking view, the domain decides,
    /// and a refusal (bad input, or a state that moved since the page was loaded) shows its Vietnamese message beside
    /// the form, with what was typed kept.
    /// </summary>
    private async Task<IActionResult> DecideAsync(Guid id, string form, Func<Actor, Access.Viewer, Task<LifecycleOutcome>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var assignments = View.Tasks.SelectMany(t => t.Assignments).ToList();
        var target = form switch
        {
            "urgeMany" => Guid.Empty,
            "cancelTask" => View.Tasks.FirstOrDefault(t => t.TaskId == Decision.TaskId)?.TaskId,
            "extension" => assignments.FirstOrDefault(a => a.Lifecycle?.PendingExtensionId == Decision.RequestId)?.TaskAssignmentId,
            _ => assignments.FirstOrDefault(a => a.TaskAssignmentId == Decision.TaskAssignmentId)?.TaskAssignmentId,
        };
        if (target is null)
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        (ErrorFor, ErrorForm) = (target, form);
        try
        {
            var outcome = await act(new Actor(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString()), await user.GetViewerAsync(cancellationToken));
            if (outcome.Status == LifecycleStatus.NotFound)
            {
                return NotFound();
            }

            if (outcome.Status == LifecycleStatus.Forbidden)
            {
                return Forbid();
            }
        }
        catch (DomainException exception)
        {
            Error = exception.Message;
            return Page();
        }

        Message ??= localizer["DecisionSaved"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var view = await TrackingQuery.LoadAsync(db, viewer, id, VietnamTime.Today(clock), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        ExchangeStatuses = await DirectiveHub.Exchange.ExchangeTracking.StatusesAsync(db, id, cancellationToken);
        CanDecide = viewer.SeesSubtree && view.IssuerId == user.OrganizationId;
        if (CanDecide)
        {
            ExchangeDeliveries = await DirectiveHub.Exchange.ExchangeTracking.DeliveriesAsync(db, exchange, id, cancellationToken);
        }
        if (CanDecide && view.Tasks.SelectMany(t => t.Assignments).Any(a => a.Status == ProgressStatus.Refused))
        {
            var path = await db.Organizations.Where(o => o.Id == view.IssuerId).Select(o => o.Path).SingleAsync(cancellationToken);
            Units = (await db.Organizations.AsNoTracking()
                    .Where(o => o.Path.StartsWith(path) && o.Id != view.IssuerId && o.DissolvedOn == null)
                    .OrderBy(o => o.Path).Take(500)
                    .Select(o => new { o.Id, o.Name })
                    .ToListAsync(cancellationToken))
                .Select(o => (o.Id, o.Name)).ToList();
        }

        return true;
    }

    /// <summary>One input for every decision form; each form posts the fields it has.</summary>
    public sealed class DecisionInput
    {
        public Guid TaskAssignmentId { get; set; }

        /// <summary>The task a whole-task cancellation is for.</summary>
        public Guid TaskId { get; set; }

        /// <summary>The "I am sure" box of a whole-task cancellation.</summary>
        public bool Confirm { get; set; }

        public Guid RequestId { get; set; }

        public int? Version { get; set; }

        public ReviewDecision? Review { get; set; }

        public ResultQuality? Quality { get; set; }

        public bool Approve { get; set; }

        public string? Reason { get; set; }

        public UrgingKind Kind { get; set; }

        public UrgingTarget Target { get; set; }

        public string? Text { get; set; }

        public DateOnly? ReportBy { get; set; }

        public Guid OrganizationId { get; set; }
    }
}

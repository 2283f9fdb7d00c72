using DirectiveHub.Access;
using DirectiveHub.Assignments;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Registers;

/// <summary>
/// The leader's instruction on a unit's task slip (ý kiến chỉ đạo của lãnh đạo): written by a clerk or leader of the
/// receiving unit itself, never by the committee above (who reads the slip but does not run the unit's work) nor by an
/// officer (who receives the work). Shared by the slip page and the API; each change is audited with the text before.
/// </summary>
public sealed class TaskSlipInstructions(AppDbContext db, TimeProvider clock)
{
    /// <returns>
    /// <see cref="LifecycleStatus.NotFound"/> when the viewer may not see the directive or the unit did not receive it;
    /// <see cref="LifecycleStatus.Forbidden"/> when they see it but are not a clerk or leader of the receiving unit.
    /// </returns>
    /// <exception cref="DomainException">The text is too long (field "instruction").</exception>
    public async Task<LifecycleStatus> RecordAsync(Guid directiveId, Guid organizationId, string? text, Actor actor, Viewer viewer, CancellationToken cancellationToken)
    {
        var visible = await db.Organizations.AsNoTracking().VisibleTo(viewer).AnyAsync(o => o.Id == organizationId, cancellationToken)
            && await db.Directives.AsNoTracking().VisibleTo(db, viewer).AnyAsync(d => d.Id == directiveId && d.Status != DirectiveStatus.Draft, cancellationToken);
        var receipt = visible
            ? await db.Assignments.SingleOrDefaultAsync(a => a.DirectiveId == directiveId && a.OrganizationId == organizationId, cancellationToken)
            : null;
        if (receipt is null)
        {
            return LifecycleStatus.NotFound;
        }

        if (!MayWrite(viewer, organizationId))
        {
            return LifecycleStatus.Forbidden;
        }

        var before = receipt.Instruction;
        var now = clock.GetUtcNow().UtcDateTime;
        if (receipt.RecordInstruction(text, actor.UserId, now))
        {
            db.AuditEvents.Add(new AuditEvent(
                AuditActions.SlipInstructionRecorded, nameof(Directive), directiveId.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress,
                System.Text.Json.JsonSerializer.Serialize(new { OrganizationId = organizationId, Before = before, After = receipt.Instruction }), now, actor.OnBehalfOfUserId, actor.OnBehalfOfName));
            await db.SaveChangesAsync(cancellationToken);
        }

        return LifecycleStatus.Done;
    }

    /// <summary>Whether the viewer may write the instruction on <paramref name="organizationId"/>'s slips: a clerk or leader (or administrator) of that unit.</summary>
    public static bool MayWrite(Viewer viewer, Guid organizationId) => viewer.SeesSubtree && viewer.OrganizationId == organizationId;
}

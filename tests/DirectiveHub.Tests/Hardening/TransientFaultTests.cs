using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Hardening;

/// <summary>
/// A connection that drops in the middle of a transaction (a restarted server, a pooled connection gone stale): the
/// whole unit runs again under the execution strategy, so the work is done once, never half and never twice.
/// </summary>
public sealed class TransientFaultTests(TransientFaultAppFixture app) : IClassFixture<TransientFaultAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_publication_whose_connection_drops_midway_is_retried_whole_and_takes_one_number()
    {
        app.Require();
        var issuer = await app.OrganizationAsync("HN-QO-BTG");
        var communes = new[] { await app.OrganizationAsync("HN-QO-SS"), await app.OrganizationAsync("HN-QO-PC") };
        var clerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == "clerk@demo.local").Select(u => u.Id).SingleAsync(Cancel));
        var draft = new Directive(issuer, new DirectiveContent
        {
            Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"),
            DocumentType = "TB",
            Subject = "Thông báo gửi khi đường truyền chập chờn",
            Recipients = [new(communes[0], "Đảng ủy xã Sài Sơn"), new(communes[1], "Đảng ủy xã Phượng Cách")],
        }, clerk, DateTime.UtcNow);
        await using (var db = app.CreateDbContext())
        {
            db.Directives.Add(draft);
            await db.SaveChangesAsync(Cancel);
        }

        var before = await app.QueryAsync(db => db.NumberRegisters.Where(r => r.IssuerId == issuer && r.DocumentType == "TB").Select(r => (int?)r.NextSequence).SingleOrDefaultAsync(Cancel));

        // The receipts are written after the number was taken: the failure hits the middle of the transaction.
        var failures = app.Failures;
        app.FailNext("INSERT INTO \"Assignments\"");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DirectivePublisher>().PublishAsync(draft.Id, null, new Actor(clerk, "clerk@demo.local", issuer, null), Cancel);
            Assert.Equal(before ?? 1, result.Sequence);
        }

        Assert.Equal(failures + 1, app.Failures);
        var published = await app.QueryAsync(db => db.Directives.Where(d => d.Id == draft.Id).Select(d => new { d.Status, d.Number }).SingleAsync(Cancel));
        Assert.Equal(DirectiveStatus.Published, published.Status);
        Assert.Equal((before ?? 1) + 1, await app.QueryAsync(db => db.NumberRegisters.Where(r => r.IssuerId == issuer && r.DocumentType == "TB").Select(r => r.NextSequence).SingleAsync(Cancel)));
        Assert.Equal(2, await app.QueryAsync(db => db.Assignments.CountAsync(a => a.DirectiveId == draft.Id, Cancel)));
        Assert.Equal(1, await app.QueryAsync(db => db.RecordCopies.CountAsync(c => c.DirectiveId == draft.Id, Cancel)));
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == draft.Id.ToString() && e.Action == Auditing.AuditActions.Published, Cancel)));
    }

    [Fact]
    public async Task An_outbox_batch_whose_commit_fails_transiently_sends_and_records_each_message_once()
    {
        app.Require();
        var key = $"fault-test:{Guid.NewGuid():N}";
        await using (var db = app.CreateDbContext())
        {
            db.OutboxMessages.Add(new OutboxMessage("officer@demo.local", "Thử đường truyền", "Nội dung", key, app.Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
            await db.SaveChangesAsync(Cancel);
        }

        var failures = app.Failures;
        app.FailNext("UPDATE \"OutboxMessages\"");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var (sent, failed) = await scope.ServiceProvider.GetRequiredService<OutboxDrain>().RunAsync(500, Cancel);
            Assert.Equal(0, failed);
            Assert.True(sent >= 1);
        }

        Assert.Equal(failures + 1, app.Failures);
        var message = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.DedupKey == key).Select(m => new { m.SentAt, m.Attempts }).SingleAsync(Cancel));
        Assert.NotNull(message.SentAt);
    }

    [Fact]
    public async Task An_invitation_whose_connection_drops_after_the_user_is_saved_makes_one_account_with_its_roles_and_one_mail()
    {
        app.Require();
        var email = $"moi.{Guid.NewGuid():N}@demo.local";
        var unit = await app.OrganizationAsync("HN-QO-PC");
        var admin = await app.QueryAsync(db => db.Users.Where(u => u.Email == "admin@demo.local").Select(u => new { u.Id, u.OrganizationId, Path = db.Organizations.Where(o => o.Id == u.OrganizationId).Select(o => o.Path).First() }).SingleAsync(Cancel));

        // Identity saves the user, then its roles: the failure falls between the two, inside one unit of work.
        var failures = app.Failures;
        app.FailNext("INSERT INTO \"AspNetUserRoles\"");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var administration = scope.ServiceProvider.GetRequiredService<DirectiveHub.Web.Features.Admin.UserAdministration>();
            var viewer = new DirectiveHub.Access.Viewer(admin.Id, admin.OrganizationId, admin.Path, SeesSubtree: true, IsClerk: false);
            var outcome = await administration.InviteAsync(viewer, new() { Email = email, FullName = "Cán bộ mới", OrganizationId = unit, Roles = [DirectiveHub.Users.Roles.Officer] }, (_, token) => $"https://dh.example/set?t={token.Length}", Cancel);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        }

        Assert.Equal(failures + 1, app.Failures);
        var users = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).ToListAsync(Cancel));
        var id = Assert.Single(users);
        Assert.Equal(1, await app.QueryAsync(db => db.UserRoles.CountAsync(r => r.UserId == id, Cancel)));
        Assert.Equal(1, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == email, Cancel)));
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEvents.CountAsync(e => e.EntityId == id.ToString() && e.Action == Auditing.AuditActions.Created, Cancel)));
    }
}

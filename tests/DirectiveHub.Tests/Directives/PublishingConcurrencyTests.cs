using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Directives;

public sealed class PublishingConcurrencyTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Fact]
    public async Task Fifty_drafts_of_one_register_published_at_once_get_numbers_1_to_50_exactly_once()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var issuer = await app.OrganizationAsync("HN-QO-BTG");
        var commune = await app.OrganizationAsync("HN-QO-SS");
        var clerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == "clerk@demo.local").Select(u => u.Id).SingleAsync(cancel));
        var drafts = new List<Guid>();
        await using (var db = app.CreateDbContext())
        {
            for (var i = 0; i < 50; i++)
            {
                var draft = new Directive(issuer, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "KH", Subject = $"Kế hoạch {i}", Recipients = [new(commune, "Đảng ủy xã Sài Sơn")] }, clerk, DateTime.UtcNow);
                db.Directives.Add(draft);
                drafts.Add(draft.Id);
            }

            await db.SaveChangesAsync(cancel);
        }

        // Each publication in its own scope and connection, all released together.
        using var start = new SemaphoreSlim(0);
        var publications = drafts.Select(async id =>
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var publisher = scope.ServiceProvider.GetRequiredService<DirectivePublisher>();
            await start.WaitAsync(cancel);
            return await publisher.PublishAsync(id, null, new Actor(clerk, "clerk@demo.local", issuer, null), cancel);
        }).ToList();
        start.Release(drafts.Count);
        var results = await Task.WhenAll(publications);

        Assert.Equal(Enumerable.Range(1, 50), results.Select(r => r.Sequence).Order());
        Assert.Equal(50, results.Select(r => r.Number).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(results, r => r.Number == "01-KH/BTGHU");
        var registers = await app.QueryAsync(db => db.NumberRegisters.Where(r => r.IssuerId == issuer).ToListAsync(cancel));
        var register = Assert.Single(registers);
        Assert.Equal(51, register.NextSequence);
        Assert.Equal(50, register.LastIssued);
    }
}

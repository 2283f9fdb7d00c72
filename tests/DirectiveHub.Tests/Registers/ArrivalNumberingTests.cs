using DirectiveHub.Directives;
using DirectiveHub.Import;
using DirectiveHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveHub.Tests.Registers;

public sealed class ArrivalNumberingTests(PostgresAppFixture app) : IClassFixture<PostgresAppFixture>
{
    [Fact]
    public async Task Fifty_deliveries_to_overlapping_units_at_once_give_each_unit_arrival_numbers_1_to_n_without_gaps()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        // Five issuers, so the deliveries do not queue on one outgoing register but meet on the receivers' registers.
        string[] issuerCodes = ["HN-QO", "HN-QO-BTG", "HN-QO-VP", "HN-QO-UBND", "HN-QO-MTTQ"];
        var issuers = new List<Guid>();
        foreach (var code in issuerCodes)
        {
            issuers.Add(await app.OrganizationAsync(code));
        }

        var saiSon = await app.OrganizationAsync("HN-QO-SS");
        var phuongCach = await app.OrganizationAsync("HN-QO-PC");
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        var clerk = await app.QueryAsync(db => db.Users.Where(u => u.Email == "clerk@demo.local").Select(u => u.Id).SingleAsync(cancel));
        var drafts = new List<(Guid Id, Guid Issuer)>();
        await using (var db = app.CreateDbContext())
        {
            for (var i = 0; i < 50; i++)
            {
                // Recipients listed in differing orders: locks are taken by unit id, so no two deliveries deadlock.
                List<RecipientContent> recipients = i % 2 == 0
                    ? [new(saiSon, "Đảng ủy xã Sài Sơn"), new(phuongCach, "Đảng ủy xã Phượng Cách")]
                    : [new(phuongCach, "Đảng ủy xã Phượng Cách"), new(saiSon, "Đảng ủy xã Sài Sơn")];
                if (i % 5 == 0)
                {
                    recipients.Add(new(ngocLiep, "Đảng ủy xã Ngọc Liệp"));
                }

                var issuer = issuers[i % issuers.Count];
                var draft = new Directive(issuer, new DirectiveContent { Signer = new DirectiveHub.Directives.Signer(DirectiveHub.Directives.SigningAuthority.None, null, "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), DocumentType = "TB", Subject = $"Thông báo {i}", Recipients = recipients }, clerk, DateTime.UtcNow);
                db.Directives.Add(draft);
                drafts.Add((draft.Id, issuer));
            }

            await db.SaveChangesAsync(cancel);
        }

        using var start = new SemaphoreSlim(0);
        var publications = drafts.Select(async draft =>
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var publisher = scope.ServiceProvider.GetRequiredService<DirectivePublisher>();
            await start.WaitAsync(cancel);
            return await publisher.PublishAsync(draft.Id, null, new Actor(clerk, "clerk@demo.local", draft.Issuer, null), cancel);
        }).ToList();
        // Other tests of this class's database may have delivered to these units this year: the sequence goes on from them.
        var year0 = app.Factory.Clock.GetUtcNow().Year;
        var prior = await app.QueryAsync(db => db.Assignments.Where(a => a.ArrivalYear == year0).GroupBy(a => a.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel));
        int Before(Guid unit) => prior.GetValueOrDefault(unit);
        start.Release(drafts.Count);
        await Task.WhenAll(publications);

        var year = app.Factory.Clock.GetUtcNow().Year;
        async Task<List<int>> NumbersOf(Guid unit) => await app.QueryAsync(db => db.Assignments
            .Where(a => a.OrganizationId == unit && a.ArrivalYear == year)
            .OrderBy(a => a.ArrivalNumber).Select(a => a.ArrivalNumber!.Value).ToListAsync(cancel));
        Assert.Equal(Enumerable.Range(1, Before(saiSon) + 50), await NumbersOf(saiSon));
        Assert.Equal(Enumerable.Range(1, Before(phuongCach) + 50), await NumbersOf(phuongCach));
        Assert.Equal(Enumerable.Range(1, Before(ngocLiep) + 10), await NumbersOf(ngocLiep));
        var register = await app.QueryAsync(db => db.ArrivalRegisters.SingleAsync(r => r.OrganizationId == saiSon && r.Year == year, cancel));
        Assert.Equal(Before(saiSon) + 50, register.LastIssued);

        // The demo's 2021 deliveries keep their own year's numbers: the new year started again from 1.
        var earlier = await app.QueryAsync(db => db.Assignments.Where(a => a.OrganizationId == saiSon && a.ArrivalYear == 2021).Select(a => a.ArrivalNumber).ToListAsync(cancel));
        Assert.Equal([1], earlier);
    }

    [Fact]
    public async Task A_directive_registered_as_received_takes_the_next_arrival_number_of_the_receiving_unit()
    {
        app.Require();
        var cancel = TestContext.Current.CancellationToken;
        var ngocLiep = await app.OrganizationAsync("HN-QO-NL");
        var officer = await app.QueryAsync(db => db.Users.Where(u => u.Email == "officer@demo.local").Select(u => u.Id).SingleAsync(cancel));
        var year = app.Factory.Clock.GetUtcNow().Year;
        var before = await app.QueryAsync(db => db.ArrivalRegisters.Where(r => r.OrganizationId == ngocLiep && r.Year == year).Select(r => (int?)r.LastIssued).SingleOrDefaultAsync(cancel)) ?? 0;

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var registration = scope.ServiceProvider.GetRequiredService<IncomingRegistration>();
        var text = """
            THÀNH ỦY HÀ NỘI
            *
            Số 31-CV/TU
            ĐẢNG CỘNG SẢN VIỆT NAM
            Hà Nội, ngày 02 tháng 11 năm 2026
            V/v triển khai công tác chuyển đổi số
            Kính gửi: Đảng ủy xã Ngọc Liệp
            Đề nghị các đơn vị thực hiện.
            T/M BAN THƯỜNG VỤ
            PHÓ BÍ THƯ
            Nguyễn Văn A
            """;
        var directive = await registration.RegisterAsync(DirectiveTextParser.Parse(text), null, ngocLiep, new Actor(officer, "officer@demo.local", ngocLiep, null), cancel);

        var receipt = await app.QueryAsync(db => db.Assignments.SingleAsync(a => a.DirectiveId == directive.Id, cancel));
        Assert.Equal(ngocLiep, receipt.OrganizationId);
        Assert.Equal(year, receipt.ArrivalYear);
        Assert.Equal(before + 1, receipt.ArrivalNumber);
        Assert.NotNull(receipt.ArrivedAt);
    }
}

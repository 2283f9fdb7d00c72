using System.Diagnostics;
using System.Globalization;
using DirectiveHub.Dashboards;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Seeding;
using DirectiveHub.Text;
using DirectiveHub.Time;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace DirectiveHub.Cli.Commands;

/// <summary>
/// <c>directivehub generate [--organizations 1000] [--directives 100000] [--shape post-reform|pre-reform] [--seed 1] [--password P]</c>:
/// fills an empty PostgreSQL database with a realistic province for benchmarks. The post-reform shape (the default;
/// Kết luận 127-KL/TW, 2025) is a province committee with its boards, its state bodies and mass organisations, about
/// one commune or ward per 50 units, each with its own state bodies and front, and the chi bộ under each commune; the
/// province and its boards write to the communes, each commune to its chi bộ. The pre-reform shape is the four-level
/// tree (province, districts, communes, cells, with the committees' boards) of earlier benchmarks, drawn exactly as
/// before. Ten years of directives up to today with 3–8 tasks each, about ten task assignments per directive,
/// acknowledgments and reports with realistic delays, a share overdue, and documents that carry out the province's.
/// Rows go in by binary COPY in one transaction (all or nothing); the same seed on the same day gives the same tree,
/// directives, tasks and figures (dates run back from today). Accounts for the benchmark are printed at the end.
/// </summary>
public static class GenerateCommand
{
    public const string DefaultPassword = "Benchmark!2026";

    private static readonly string[] Syllables =
        ["An", "Bình", "Cẩm", "Đông", "Hòa", "Hưng", "Khánh", "Lạc", "Long", "Minh", "Nam", "Phú", "Phúc", "Quang", "Tân", "Thanh",
         "Thịnh", "Trung", "Vĩnh", "Xuân", "Yên", "Hải", "Sơn", "Thủy", "Lâm", "Đức", "Mỹ", "Hiệp", "Lợi", "Ninh", "Tiến", "Kim"];

    private static readonly string[] Verbs = ["Tăng cường", "Triển khai", "Đẩy mạnh", "Thực hiện", "Tổ chức", "Chấn chỉnh", "Nâng cao chất lượng", "Tiếp tục thực hiện"];

    private static readonly string[] Topics =
        ["công tác phòng, chống dịch bệnh", "cải cách hành chính", "xây dựng nông thôn mới", "phòng, chống tham nhũng, lãng phí",
         "công tác tuyên truyền kỷ niệm ngày thành lập Đảng", "đại hội đảng bộ các cấp", "chuyển đổi số", "bảo đảm an ninh, trật tự",
         "phòng, chống thiên tai, tìm kiếm cứu nạn", "công tác phát triển đảng viên", "công tác kiểm tra, giám sát", "công tác dân vận chính quyền",
         "bảo vệ môi trường", "bảo đảm trật tự an toàn giao thông", "giải quyết đơn thư, khiếu nại, tố cáo", "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"];

    private static readonly string[] TaskTexts =
        ["Quán triệt, tuyên truyền nội dung văn bản đến cán bộ, đảng viên và nhân dân", "Xây dựng kế hoạch cụ thể triển khai thực hiện",
         "Rà soát, thống kê và báo cáo số liệu", "Tổ chức kiểm tra, đôn đốc việc thực hiện tại cơ sở", "Phân công cán bộ phụ trách, theo dõi",
         "Sơ kết, đánh giá kết quả thực hiện", "Phối hợp với các cơ quan liên quan xử lý kịp thời vướng mắc", "Báo cáo kết quả về Văn phòng cấp ủy"];

    private static readonly (string Code, int Weight)[] Types = [("CV", 55), ("KH", 15), ("TB", 15), ("CT", 10), ("HD", 5)];

    private enum Shape
    {
        PostReform,
        PreReform,
    }

    /// <summary>Tết (the lunar new year's first day) of each year the ten years may touch: offices all but stop around it.</summary>
    private static readonly DateOnly[] Tet =
    [
        new(2015, 2, 19), new(2016, 2, 8), new(2017, 1, 28), new(2018, 2, 16), new(2019, 2, 5), new(2020, 1, 25), new(2021, 2, 12),
        new(2022, 2, 1), new(2023, 1, 22), new(2024, 2, 10), new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26),
    ];

    private sealed record Unit(Guid Id, string Code, string Name, OrganizationKind Kind, string Symbol, string Place, string? PartyBody, Unit? Parent, string Path, int Depth)
    {
        public List<Unit> Children { get; } = [];
    }

    public static async Task<int> RunAsync(CliApp app, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var organizations = CommandOptions.Int(options, "--organizations", 1000);
        var directives = CommandOptions.Int(options, "--directives", 100_000);
        var seed = CommandOptions.Int(options, "--seed", 1);
        var password = CommandOptions.String(options, "--password") ?? DefaultPassword;
        var shape = CommandOptions.String(options, "--shape") switch
        {
            null or "post-reform" => Shape.PostReform,
            "pre-reform" => Shape.PreReform,
            _ => (Shape?)null,
        };
        if (organizations < 40 || directives < 1 || shape is null)
        {
            await app.Error.WriteLineAsync("Usage: directivehub generate [--organizations N (≥ 40)] [--directives M] [--shape post-reform|pre-reform] [--seed S] [--password P]");
            return 2;
        }

        using var host = app.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Provider != DatabaseProvider.Postgres)
        {
            await app.Error.WriteLineAsync("generate loads with PostgreSQL's COPY: set Database__Provider=Postgres and ConnectionStrings__DirectiveHub.");
            return 2;
        }

        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            await app.Error.WriteLineAsync("generate fills an empty database; this one already holds organizations.");
            return 2;
        }

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(seed);
        var total = Stopwatch.StartNew();

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        var units = shape == Shape.PostReform ? BuildPostReformTree(random, organizations) : BuildTree(random, organizations);
        await CopyOrganizationsAsync(connection, units, cancellationToken);

        var province = units[0];
        (string Email, string Role, Unit Unit, string Description)[] accounts;
        Unit district, commune;
        if (shape == Shape.PostReform)
        {
            // The province's office drafts the biggest outgoing register; a commune both receives (its inbox) and
            // writes to its chi bộ.
            commune = units.First(u => u.Kind == OrganizationKind.CommuneCommittee);
            district = province;
            accounts =
            [
                ("admin@gen.local", Roles.Admin, province, "Quản trị, toàn tỉnh"),
                ("leader@gen.local", Roles.Leader, province, "Lãnh đạo tỉnh (tổng hợp toàn tỉnh)"),
                ("clerk@gen.local", Roles.Clerk, province, "Văn thư " + province.Name),
                ("leader.commune@gen.local", Roles.Leader, commune, "Lãnh đạo " + commune.Name),
                ("officer@gen.local", Roles.Officer, commune, "Cán bộ " + commune.Name),
            ];
        }
        else
        {
            district = units.First(u => u.Kind == OrganizationKind.DistrictCommittee);
            commune = district.Children.First(u => u.Kind == OrganizationKind.CommuneCommittee);
            accounts =
            [
                ("admin@gen.local", Roles.Admin, province, "Quản trị, toàn tỉnh"),
                ("leader@gen.local", Roles.Leader, province, "Lãnh đạo tỉnh (tổng hợp toàn tỉnh)"),
                ("clerk@gen.local", Roles.Clerk, district, "Văn thư " + district.Name),
                ("leader.district@gen.local", Roles.Leader, district, "Lãnh đạo " + district.Name),
                ("officer@gen.local", Roles.Officer, commune, "Cán bộ " + commune.Name),
            ];
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var userIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (email, role, unit, _) in accounts)
        {
            var user = new AppUser { UserName = email, Email = email, FullName = email, OrganizationId = unit.Id, EmailConfirmed = true, LockoutEnabled = true };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role);
            }

            if (!result.Succeeded)
            {
                await app.Error.WriteLineAsync(string.Join(" ", result.Errors.Select(e => e.Description)));
                return 2;
            }

            userIds[email] = user.Id;
        }

        var generated = GenerateDirectives(random, units, directives, today, now, shape.Value);
        var generatedIn = total.Elapsed;
        var counts = await CopyDirectivesAsync(connection, generated, userIds["clerk@gen.local"], userIds["officer@gen.local"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var copiedIn = total.Elapsed;

        // Statistics for the planner, and the visibility map that lets the covering indexes answer alone.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", cancellationToken);
        var analysedIn = total.Elapsed;

        // The copy bypasses the save that queues each directive's figures: they are counted here in one go.
        await TaskFigures.RebuildAsync(db, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "DirectiveFigures", "TaskFigures" """, cancellationToken);

        var kinds = string.Join(", ", units.GroupBy(u => u.Kind).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count():N0} {g.Key}")));
        await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated {units.Count:N0} organizations, {counts.Directives:N0} directives, {counts.Recipients:N0} recipients, {counts.Tasks:N0} tasks, {counts.TaskAssignments:N0} task assignments ({counts.Overdue:N0} overdue), {counts.Reports:N0} progress reports in {total.Elapsed.TotalSeconds:F1} s (seed {seed})."));
        await app.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Shape {(shape == Shape.PostReform ? "post-reform" : "pre-reform")}: {kinds}. Drawn in {generatedIn.TotalSeconds:F1} s, copied by {copiedIn.TotalSeconds:F1} s, analysed by {analysedIn.TotalSeconds:F1} s, summarised by {total.Elapsed.TotalSeconds:F1} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB."));
        await app.Output.WriteLineAsync($"Accounts (password {password}):");
        foreach (var (email, role, _, description) in accounts)
        {
            await app.Output.WriteLineAsync($"  {email,-28} {role,-8} {description}");
        }

        await app.Output.WriteLineAsync($"Province: {province.Id} · district: {district.Id} · commune: {commune.Id}");
        return 0;
    }

    private static List<Unit> BuildTree(Random random, int size)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Place()
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = Syllables[random.Next(Syllables.Length)] + " " + Syllables[random.Next(Syllables.Length)];
                if (used.Add(name) || attempt > 20)
                {
                    return name;
                }
            }
        }

        var units = new List<Unit>(size);
        Unit Add(string code, string name, OrganizationKind kind, string symbol, string place, string? partyBody, Unit? parent)
        {
            var id = NewId(random);
            var unit = new Unit(id, code, name, kind, symbol, place, partyBody, parent, (parent?.Path ?? "/") + id.ToString("N") + "/", parent is null ? 0 : parent.Depth + 1);
            parent?.Children.Add(unit);
            units.Add(unit);
            return unit;
        }

        var provincePlace = Place();
        var province = Add("GEN", "TỈNH ỦY " + provincePlace.ToUpperInvariant(), OrganizationKind.ProvincialCommittee, "TU", provincePlace, "ĐẢNG BỘ TỈNH " + provincePlace.ToUpperInvariant(), null);
        foreach (var (code, name, symbol) in new[] { ("VP", "VĂN PHÒNG TỈNH ỦY", "VPTU"), ("BTC", "BAN TỔ CHỨC TỈNH ỦY", "BTCTU"), ("BTG", "BAN TUYÊN GIÁO TỈNH ỦY", "BTGTU"), ("BDV", "BAN DÂN VẬN TỈNH ỦY", "BDVTU") })
        {
            Add("GEN-" + code, name, OrganizationKind.CommitteeBoard, symbol, provincePlace, null, province);
        }

        var districtCount = Math.Max(2, (int)Math.Round(Math.Sqrt(size) / 2));
        var remaining = size - units.Count - (3 * districtCount);
        var communeCount = Math.Max(districtCount, remaining / 4);
        var cellCount = Math.Max(0, remaining - communeCount);
        var districts = new List<Unit>();
        for (var d = 1; d <= districtCount; d++)
        {
            var place = Place();
            var upper = place.ToUpperInvariant();
            var district = Add($"GEN-H{d:00}", "HUYỆN ỦY " + upper, OrganizationKind.DistrictCommittee, "HU", place, "ĐẢNG BỘ HUYỆN " + upper, province);
            Add($"GEN-H{d:00}-VP", "VĂN PHÒNG HUYỆN ỦY " + upper, OrganizationKind.CommitteeBoard, "VPHU", place, null, district);
            Add($"GEN-H{d:00}-BTG", "BAN TUYÊN GIÁO HUYỆN ỦY " + upper, OrganizationKind.CommitteeBoard, "BTGHU", place, null, district);
            districts.Add(district);
        }

        var communes = new List<Unit>();
        for (var c = 0; c < communeCount; c++)
        {
            var district = districts[c % districts.Count];
            var place = Place();
            communes.Add(Add($"{district.Code}-X{c / districts.Count + 1:00}", "ĐẢNG ỦY XÃ " + place.ToUpperInvariant(), OrganizationKind.CommuneCommittee, "ĐU", place, null, district));
        }

        for (var c = 0; c < cellCount; c++)
        {
            var commune = communes[c % communes.Count];
            var number = c / communes.Count + 1;
            Add($"{commune.Code}-CB{number}", $"CHI BỘ THÔN {number}", OrganizationKind.PartyCell, "CB", commune.Place, null, commune);
        }

        return units;
    }

    /// <summary>
    /// A province after the 2025 reform: the committee, its boards, its state bodies and mass organisations; about one
    /// commune or ward per 50 units (100 for 5,000), each with its People's Council, People's Committee and front; the
    /// rest are chi bộ, shared unevenly among the communes as villages and wards are.
    /// </summary>
    private static List<Unit> BuildPostReformTree(Random random, int size)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Place()
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = Syllables[random.Next(Syllables.Length)] + " " + Syllables[random.Next(Syllables.Length)];
                if (used.Add(name) || attempt > 20)
                {
                    return name;
                }
            }
        }

        var units = new List<Unit>(size);
        Unit Add(string code, string name, OrganizationKind kind, string symbol, string place, string? partyBody, Unit? parent)
        {
            var id = NewId(random);
            var unit = new Unit(id, code, name, kind, symbol, place, partyBody, parent, (parent?.Path ?? "/") + id.ToString("N") + "/", parent is null ? 0 : parent.Depth + 1);
            parent?.Children.Add(unit);
            units.Add(unit);
            return unit;
        }

        var provincePlace = Place();
        var upperProvince = provincePlace.ToUpperInvariant();
        var province = Add("GEN", "TỈNH ỦY " + upperProvince, OrganizationKind.ProvincialCommittee, "TU", provincePlace, "ĐẢNG BỘ TỈNH " + upperProvince, null);
        foreach (var (code, name, kind, symbol) in new[]
        {
            ("VP", "VĂN PHÒNG TỈNH ỦY", OrganizationKind.CommitteeBoard, "VPTU"),
            ("BTC", "BAN TỔ CHỨC TỈNH ỦY", OrganizationKind.CommitteeBoard, "BTCTU"),
            ("BTGDV", "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", OrganizationKind.CommitteeBoard, "BTGDVTU"),
            ("UBKT", "ỦY BAN KIỂM TRA TỈNH ỦY", OrganizationKind.CommitteeBoard, "UBKTTU"),
            ("BNC", "BAN NỘI CHÍNH TỈNH ỦY", OrganizationKind.CommitteeBoard, "BNCTU"),
            ("HDND", "HỘI ĐỒNG NHÂN DÂN TỈNH " + upperProvince, OrganizationKind.StateBody, "HĐND"),
            ("UBND", "ỦY BAN NHÂN DÂN TỈNH " + upperProvince, OrganizationKind.StateBody, "UBND"),
            ("MTTQ", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH " + upperProvince, OrganizationKind.MassOrganization, "MTTQ"),
            ("DTN", "TỈNH ĐOÀN " + upperProvince, OrganizationKind.MassOrganization, "TĐTN"),
            ("HPN", "HỘI LIÊN HIỆP PHỤ NỮ TỈNH " + upperProvince, OrganizationKind.MassOrganization, "HLHPN"),
            ("HND", "HỘI NÔNG DÂN TỈNH " + upperProvince, OrganizationKind.MassOrganization, "HND"),
            ("HCCB", "HỘI CỰU CHIẾN BINH TỈNH " + upperProvince, OrganizationKind.MassOrganization, "HCCB"),
            ("LDLD", "LIÊN ĐOÀN LAO ĐỘNG TỈNH " + upperProvince, OrganizationKind.MassOrganization, "LĐLĐ"),
        })
        {
            Add("GEN-" + code, name, kind, symbol, provincePlace, null, province);
        }

        var communeCount = Math.Max(2, (int)Math.Round(size / 50.0));
        var communes = new List<Unit>(communeCount);
        for (var c = 1; c <= communeCount; c++)
        {
            var place = Place();
            var upper = place.ToUpperInvariant();
            var ward = random.NextDouble() < 0.3;
            var commune = Add($"GEN-X{c:000}", (ward ? "ĐẢNG ỦY PHƯỜNG " : "ĐẢNG ỦY XÃ ") + upper, OrganizationKind.CommuneCommittee, "ĐU", place, "ĐẢNG BỘ TỈNH " + upperProvince, province);
            var level = ward ? "PHƯỜNG " : "XÃ ";
            Add($"{commune.Code}-HDND", "HỘI ĐỒNG NHÂN DÂN " + level + upper, OrganizationKind.StateBody, "HĐND", place, null, commune);
            Add($"{commune.Code}-UBND", "ỦY BAN NHÂN DÂN " + level + upper, OrganizationKind.StateBody, "UBND", place, null, commune);
            Add($"{commune.Code}-MTTQ", "ỦY BAN MTTQ VIỆT NAM " + level + upper, OrganizationKind.MassOrganization, "MTTQ", place, null, commune);
            communes.Add(commune);
        }

        // Communes differ in size (a merged commune may hold three old ones): shares drawn between 0.4 and 1.6.
        var cellCount = Math.Max(0, size - units.Count);
        var weights = communes.Select(_ => 0.4 + (1.2 * random.NextDouble())).ToArray();
        var sum = weights.Sum();
        var cells = weights.Select(w => (int)Math.Floor(cellCount * w / sum)).ToArray();
        for (var i = 0; cells.Sum() < cellCount; i = (i + 1) % cells.Length)
        {
            cells[i]++;
        }

        for (var c = 0; c < communes.Count; c++)
        {
            var commune = communes[c];
            var ward = commune.Name.Contains("PHƯỜNG", StringComparison.Ordinal);
            for (var n = 1; n <= cells[c]; n++)
            {
                Add($"{commune.Code}-CB{n}", (ward ? "CHI BỘ KHU PHỐ " : "CHI BỘ THÔN ") + n.ToString(CultureInfo.InvariantCulture), OrganizationKind.PartyCell, "CB", commune.Place, null, commune);
            }
        }

        return units;
    }

    /// <summary>
    /// An issue date in the ten years up to today as offices write: on working days, hardly around Tết, more in the
    /// weeks before it and in July and December (the half-year and year reviews), and more each year as more of the
    /// work is on file.
    /// </summary>
    private static DateOnly IssueDate(Random random, DateOnly today)
    {
        const double MaxWeight = 1.45 * 1.3 * 1.55;
        while (true)
        {
            var age = random.Next(0, 3653);
            var day = today.AddDays(-age);
            var weight = day.DayOfWeek switch { DayOfWeek.Sunday => 0.03, DayOfWeek.Saturday => 0.15, _ => 1.0 };
            weight *= day.Month switch { 12 => 1.45, 7 => 1.15, _ => 1.0 };
            var tet = Tet.FirstOrDefault(t => Math.Abs(t.DayNumber - day.DayNumber) <= 30);
            if (tet != default)
            {
                var offset = day.DayNumber - tet.DayNumber;
                weight *= offset is >= -3 and <= 6 ? 0.08 : offset is >= -21 and < -3 ? 1.3 : 1.0;
            }

            weight *= 1.0 + (0.055 * (3652 - age) / 365.25);
            if (random.NextDouble() * MaxWeight < weight)
            {
                return day;
            }
        }
    }

    private static async Task CopyOrganizationsAsync(NpgsqlConnection connection, List<Unit> units, CancellationToken cancellationToken)
    {
        var established = new DateOnly(2010, 1, 1);
        await using (var copy = await BeginCopyAsync(connection,
            """COPY "Organizations" ("Id", "Code", "Name", "Kind", "SymbolCode", "Place", "PartyBodyName", "ParentId", "Path", "Depth", "EstablishedOn") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var u in units)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(u.Id, cancellationToken);
                await copy.WriteAsync(u.Code, cancellationToken);
                await copy.WriteAsync(u.Name, cancellationToken);
                await copy.WriteAsync(u.Kind.ToString(), cancellationToken);
                await copy.WriteAsync(u.Symbol, cancellationToken);
                await copy.WriteAsync(u.Place, cancellationToken);
                await WriteNullableAsync(copy, u.PartyBody, cancellationToken);
                await WriteNullableAsync(copy, u.Parent?.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(u.Path, cancellationToken);
                await copy.WriteAsync(u.Depth, cancellationToken);
                await copy.WriteAsync(established, NpgsqlDbType.Date, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await BeginCopyAsync(connection,
            """COPY "OrganizationRevisions" ("Id", "OrganizationId", "EffectiveFrom", "Name", "SymbolCode", "Place", "PartyBodyName", "ParentId", "Kind") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var u in units)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), cancellationToken);
                await copy.WriteAsync(u.Id, cancellationToken);
                await copy.WriteAsync(established, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(u.Name, cancellationToken);
                await copy.WriteAsync(u.Symbol, cancellationToken);
                await copy.WriteAsync(u.Place, cancellationToken);
                await WriteNullableAsync(copy, u.PartyBody, cancellationToken);
                await WriteNullableAsync(copy, u.Parent?.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(u.Kind.ToString(), cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }
    }

    private sealed record GeneratedTask(Guid Id, int Position, string Text, DateOnly? Deadline, Guid Lead, Guid[] Coordinators);

    private sealed record GeneratedTaskAssignment(Guid Id, Guid TaskId, Guid OrganizationId, string Role, DateOnly? Deadline, string Status, DateTime? CompletedAt, DateTime? LastReportAt, DateTime? FlaggedAt, (string Status, DateTime At)? Report);

    private sealed class GeneratedDirective
    {
        public required Guid Id { get; init; }

        public required Unit Issuer { get; init; }

        public required string Type { get; init; }

        public required DateOnly IssuedOn { get; init; }

        public required DateTime PublishedAt { get; init; }

        public required string Subject { get; init; }

        public string Number { get; set; } = string.Empty;

        public int Sequence { get; set; }

        public Guid RegisterId { get; set; }

        public string Urgency { get; init; } = "None";

        public Unit[] Recipients { get; set; } = [];

        public DateTime?[] Acknowledged { get; set; } = [];

        public List<GeneratedTask> Tasks { get; } = [];

        public List<GeneratedTaskAssignment> TaskAssignments { get; } = [];

        public GeneratedDirective? CarriesOut { get; set; }
    }

    private sealed record Register(Guid Id, Guid IssuerId, string Type, int Year, int Last);

    private sealed record Generated(List<GeneratedDirective> Directives, List<Register> Registers);

    private static Generated GenerateDirectives(Random random, List<Unit> units, int count, DateOnly today, DateTime now, Shape shape)
    {
        var province = units[0];
        var candidates = new Dictionary<Guid, Unit[]>();
        Func<Unit> pickIssuer;
        Func<Unit, Unit[], int> recipientCount;
        if (shape == Shape.PostReform)
        {
            // The province writes to its boards, bodies and communes; a board to the communes and the province's
            // bodies; a commune to its chi bộ and its own bodies. About half of the province's and two in five of a
            // commune's directives go to every unit beneath ("Kính gửi: các đảng ủy xã, phường").
            var boards = units.Where(u => u.Kind == OrganizationKind.CommitteeBoard).ToList();
            var communes = units.Where(u => u.Kind == OrganizationKind.CommuneCommittee).ToList();
            candidates[province.Id] = units.Where(u => u.Depth == 1).ToArray();
            var boardPool = units.Where(u => u.Depth == 1 && u.Kind != OrganizationKind.CommitteeBoard).ToArray();
            foreach (var board in boards)
            {
                candidates[board.Id] = boardPool;
            }

            foreach (var commune in communes)
            {
                candidates[commune.Id] = [.. commune.Children];
            }

            pickIssuer = () => random.NextDouble() switch
            {
                < 0.10 => province,
                < 0.20 => boards[random.Next(boards.Count)],
                _ => communes[random.Next(communes.Count)],
            };
            recipientCount = (issuer, pool) => issuer.Kind == OrganizationKind.CommuneCommittee
                ? (random.NextDouble() < 0.4 ? pool.Length : Math.Min(pool.Length, random.Next(3, 16)))
                : (random.NextDouble() < 0.4 ? pool.Length : Math.Min(pool.Length, random.Next(5, 61)));
        }
        else
        {
            var districts = units.Where(u => u.Kind == OrganizationKind.DistrictCommittee).ToList();
            candidates[province.Id] = units.Where(u => u.Depth is 1 or 2).ToArray();
            foreach (var district in districts)
            {
                candidates[district.Id] = units.Where(u => u.Depth > district.Depth && u.Path.StartsWith(district.Path, StringComparison.Ordinal)).ToArray();
            }

            pickIssuer = () => random.NextDouble() < 0.25 ? province : districts[random.Next(districts.Count)];
            recipientCount = (_, pool) => Math.Min(pool.Length, random.Next(5, 61));
        }

        var typeWeights = Types.Sum(t => t.Weight);
        var list = new List<GeneratedDirective>(count);
        for (var i = 0; i < count; i++)
        {
            var issuer = pickIssuer();

            // The pre-reform shape keeps its uniform dates, so that a seed gives the database earlier figures came from.
            var issuedOn = shape == Shape.PostReform ? IssueDate(random, today) : today.AddDays(-random.Next(0, 3653));
            var pick = random.Next(typeWeights);
            var type = Types.First(t => (pick -= t.Weight) < 0).Code;
            var publishedAt = TimeZoneInfo.ConvertTimeToUtc(issuedOn.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60))), VietnamTime.Zone);

            // Drawn whether used or not, so that the hour of the run does not shift the rest of the sequence.
            var earlier = random.Next(1, 60);
            if (publishedAt > now)
            {
                publishedAt = now.AddMinutes(-earlier);
            }

            list.Add(new GeneratedDirective
            {
                Id = NewId(random),
                Issuer = issuer,
                Type = type,
                IssuedOn = issuedOn,
                PublishedAt = publishedAt,
                Subject = $"{Verbs[random.Next(Verbs.Length)]} {Topics[random.Next(Topics.Length)]} năm {issuedOn.Year}",
                Urgency = random.NextDouble() switch { < 0.9 => "None", < 0.97 => "Khan", < 0.99 => "ThuongKhan", _ => "HoaToc" },
            });
        }

        // Numbers run per issuer, type and calendar year, in the order of issue.
        list.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt));
        var registers = new Dictionary<(Guid, string, int), Register>();
        foreach (var d in list)
        {
            var key = (d.Issuer.Id, d.Type, d.IssuedOn.Year);
            var register = registers.TryGetValue(key, out var found) ? found : new Register(NewId(random), d.Issuer.Id, d.Type, d.IssuedOn.Year, 0);
            register = register with { Last = register.Last + 1 };
            registers[key] = register;
            d.Sequence = register.Last;
            d.RegisterId = register.Id;
            d.Number = DocumentSymbol.Create(d.Sequence, d.Type, d.Issuer.Symbol).ToString();
        }

        var provinceDirectives = list.Where(d => d.Issuer == province).ToList();
        var carried = 0;
        foreach (var d in list)
        {
            var pool = candidates[d.Issuer.Id];
            d.Recipients = Sample(random, pool, recipientCount(d.Issuer, pool));
            d.Acknowledged = d.Recipients.Select(_ => Acknowledgment(random, d.PublishedAt, now)).ToArray();
            if (d.Issuer != province && d.Issuer.Kind != OrganizationKind.CommitteeBoard && random.NextDouble() < 0.3)
            {
                // A district's (or, after the reform, a commune's) directive carrying out one of the province's from the previous two months.
                while (carried < provinceDirectives.Count && provinceDirectives[carried].PublishedAt < d.PublishedAt.AddDays(-60))
                {
                    carried++;
                }

                var window = provinceDirectives.Skip(carried).TakeWhile(p => p.PublishedAt < d.PublishedAt).ToList();
                d.CarriesOut = window.Count > 0 ? window[random.Next(window.Count)] : null;
            }

            var acknowledgedBy = d.Recipients.Select((r, i) => (r.Id, d.Acknowledged[i])).ToDictionary(x => x.Id, x => x.Item2);
            var taskCount = random.Next(3, 9);
            for (var t = 1; t <= taskCount; t++)
            {
                var deadline = random.NextDouble() < 0.1 ? (DateOnly?)null : d.IssuedOn.AddDays(random.Next(7, 121));
                var assignees = Sample(random, d.Recipients, Math.Min(d.Recipients.Length, 1 + (random.NextDouble() < 0.55 ? random.Next(1, 3) : 0)));
                var task = new GeneratedTask(NewId(random), t, TaskTexts[random.Next(TaskTexts.Length)], deadline, assignees[0].Id, assignees.Skip(1).Select(a => a.Id).ToArray());
                d.Tasks.Add(task);
                for (var a = 0; a < assignees.Length; a++)
                {
                    d.TaskAssignments.Add(Progress(random, task, assignees[a].Id, a == 0 ? "Lead" : "Coordinator", acknowledgedBy[assignees[a].Id], today, now));
                }
            }
        }

        return new Generated(list, registers.Values.ToList());
    }

    /// <summary>Most units acknowledge within hours (a long tail over days); a few never do.</summary>
    private static DateTime? Acknowledgment(Random random, DateTime publishedAt, DateTime now)
    {
        if (random.NextDouble() < 0.04)
        {
            return null;
        }

        var hours = Math.Min(24 * 30, Math.Exp(Math.Log(6) + (1.2 * Normal(random))));
        var at = publishedAt.AddHours(hours);
        return at <= now ? at : null;
    }

    private static GeneratedTaskAssignment Progress(Random random, GeneratedTask task, Guid organizationId, string role, DateTime? acknowledgedAt, DateOnly today, DateTime now)
    {
        var id = NewId(random);
        if (acknowledgedAt is not { } started)
        {
            var overdue = task.Deadline is { } due && due < today;
            return new GeneratedTaskAssignment(id, task.Id, organizationId, role, task.Deadline, "NotStarted", null, null, overdue ? Flagged(task.Deadline!.Value) : null, null);
        }

        DateTime Between(DateTime from, DateTime to) => to <= from ? from : from.AddSeconds(random.NextDouble() * (to - from).TotalSeconds);
        var roll = random.NextDouble();
        if (task.Deadline is { } deadline && deadline < today)
        {
            var endOfDeadline = TimeZoneInfo.ConvertTimeToUtc(deadline.ToDateTime(new TimeOnly(17, 0)), VietnamTime.Zone);
            if (roll < 0.72)
            {
                var done = Between(started, endOfDeadline);
                return new GeneratedTaskAssignment(id, task.Id, organizationId, role, deadline, "Done", done, done, null, ("Done", done));
            }

            if (roll < 0.87)
            {
                var late = Between(endOfDeadline.AddDays(1), Min(now, endOfDeadline.AddDays(45)));
                return new GeneratedTaskAssignment(id, task.Id, organizationId, role, deadline, "DoneLate", late, late, Flagged(deadline), ("DoneLate", late));
            }

            var reported = Between(started, Min(now, endOfDeadline));
            return roll < 0.95
                ? new GeneratedTaskAssignment(id, task.Id, organizationId, role, deadline, "InProgress", null, reported, Flagged(deadline), ("InProgress", reported))
                : new GeneratedTaskAssignment(id, task.Id, organizationId, role, deadline, "NotStarted", null, null, Flagged(deadline), null);
        }

        if (roll < 0.3)
        {
            var done = Between(started, now);
            return new GeneratedTaskAssignment(id, task.Id, organizationId, role, task.Deadline, "Done", done, done, null, ("Done", done));
        }

        if (roll < 0.65)
        {
            var reported = Between(started, now);
            return new GeneratedTaskAssignment(id, task.Id, organizationId, role, task.Deadline, "InProgress", null, reported, null, ("InProgress", reported));
        }

        return new GeneratedTaskAssignment(id, task.Id, organizationId, role, task.Deadline, "NotStarted", null, null, null, null);
    }

    /// <summary>When the overdue sweep would have flagged it: the morning after the deadline, Vietnam time.</summary>
    private static DateTime Flagged(DateOnly deadline) => TimeZoneInfo.ConvertTimeToUtc(deadline.AddDays(1).ToDateTime(new TimeOnly(0, 5)), VietnamTime.Zone);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Counts(int Directives, long Recipients, long Tasks, long TaskAssignments, long Overdue, long Reports);

    /// <param name="clerkId">Who drafted and published every directive.</param>
    /// <param name="officerId">Who acknowledged and reported (one account stands for the units' staff).</param>
    private static async Task<Counts> CopyDirectivesAsync(NpgsqlConnection connection, Generated generated, Guid clerkId, Guid officerId, CancellationToken cancellationToken)
    {
        var list = generated.Directives;
        await using (var copy = await BeginCopyAsync(connection,
            """COPY "NumberRegisters" ("Id", "IssuerId", "DocumentType", "IsConfidential", "Period", "PeriodStart", "PeriodEnd", "NextSequence", "LastIssued", "Version") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var r in generated.Registers)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(r.Id, cancellationToken);
                await copy.WriteAsync(r.IssuerId, cancellationToken);
                await copy.WriteAsync(r.Type, cancellationToken);
                await copy.WriteAsync(false, cancellationToken);
                await copy.WriteAsync("CalendarYear", cancellationToken);
                await copy.WriteAsync(new DateOnly(r.Year, 1, 1), NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(new DateOnly(r.Year, 12, 31), NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(r.Last + 1, cancellationToken);
                await copy.WriteAsync(r.Last, cancellationToken);
                await copy.WriteAsync(0, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await BeginCopyAsync(connection,
            """
            COPY "Directives" ("Id", "IssuerId", "DocumentType", "Status", "RegisterId", "Sequence", "Number", "IssuerName", "ParentBodyName", "Place", "IssuedOn",
                               "Subject", "Urgency", "Confidentiality", "CreatedById", "CreatedAt", "UpdatedAt", "PublishedAt", "PublishedById", "SearchText", "Version",
                               "SignerAuthority", "SignerBody", "SignerName", "SignerPosition") FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var d in list)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(d.Id, cancellationToken);
                await copy.WriteAsync(d.Issuer.Id, cancellationToken);
                await copy.WriteAsync(d.Type, cancellationToken);
                await copy.WriteAsync("Published", cancellationToken);
                await copy.WriteAsync(d.RegisterId, cancellationToken);
                await copy.WriteAsync(d.Sequence, cancellationToken);
                await copy.WriteAsync(d.Number, cancellationToken);
                await copy.WriteAsync(d.Issuer.Name, cancellationToken);
                await copy.WriteAsync(d.Issuer.Parent?.PartyBody ?? "ĐẢNG CỘNG SẢN VIỆT NAM", cancellationToken);
                await copy.WriteAsync(d.Issuer.Place, cancellationToken);
                await copy.WriteAsync(d.IssuedOn, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(d.Subject, cancellationToken);
                await copy.WriteAsync(d.Urgency, cancellationToken);
                await copy.WriteAsync("None", cancellationToken);
                await copy.WriteAsync(clerkId, cancellationToken);
                await copy.WriteAsync(d.PublishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(d.PublishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(d.PublishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(clerkId, cancellationToken);
                await copy.WriteAsync(DirectiveSearch.SearchTextOf(new[] { d.Number, d.Subject }.Concat(d.Tasks.Select(t => t.Text))), cancellationToken);
                await copy.WriteAsync(0, cancellationToken);
                await copy.WriteAsync("OnBehalfOf", cancellationToken);
                await copy.WriteAsync("BAN THƯỜNG VỤ", cancellationToken);
                await copy.WriteAsync("Nguyễn Văn " + Syllables[d.Sequence % Syllables.Length], cancellationToken);
                await copy.WriteAsync("PHÓ BÍ THƯ", cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long recipients = 0;
        await using (var copy = await BeginCopyAsync(connection, """COPY "DirectiveRecipient" ("Id", "DirectiveId", "Position", "OrganizationId", "Text") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var d in list)
            {
                for (var i = 0; i < d.Recipients.Length; i++)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(Guid.CreateVersion7(), cancellationToken);
                    await copy.WriteAsync(d.Id, cancellationToken);
                    await copy.WriteAsync(i, cancellationToken);
                    await copy.WriteAsync(d.Recipients[i].Id, cancellationToken);
                    await copy.WriteAsync(d.Recipients[i].Name, cancellationToken);
                    recipients++;
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        // Each receipt takes its unit's next arrival number for the year it arrived (on publication), as live
        // deliveries do: the list is in order of publication, so the numbers follow the order of arrival.
        var arrivals = new Dictionary<(Guid Unit, int Year), int>();
        await using (var copy = await BeginCopyAsync(connection, """COPY "Assignments" ("Id", "DirectiveId", "OrganizationId", "Position", "AcknowledgedAt", "AcknowledgedById", "IssuedOn", "Urgency", "ArrivalNumber", "ArrivalYear", "ArrivedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var d in list)
            {
                var year = ArrivalNumbering.YearOf(d.PublishedAt);
                for (var i = 0; i < d.Recipients.Length; i++)
                {
                    var key = (d.Recipients[i].Id, year);
                    var arrival = arrivals[key] = arrivals.GetValueOrDefault(key) + 1;
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(Guid.CreateVersion7(), cancellationToken);
                    await copy.WriteAsync(d.Id, cancellationToken);
                    await copy.WriteAsync(d.Recipients[i].Id, cancellationToken);
                    await copy.WriteAsync(i, cancellationToken);
                    await WriteNullableAsync(copy, d.Acknowledged[i], NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullableAsync<Guid>(copy, d.Acknowledged[i] is null ? null : officerId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(d.IssuedOn, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(d.Urgency, cancellationToken);
                    await copy.WriteAsync(arrival, cancellationToken);
                    await copy.WriteAsync(year, cancellationToken);
                    await copy.WriteAsync(d.PublishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await BeginCopyAsync(connection, """COPY "ArrivalRegisters" ("Id", "OrganizationId", "Year", "LastIssued", "Version") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var ((unit, year), last) in arrivals)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), cancellationToken);
                await copy.WriteAsync(unit, cancellationToken);
                await copy.WriteAsync(year, cancellationToken);
                await copy.WriteAsync(last, cancellationToken);
                await copy.WriteAsync(0, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await BeginCopyAsync(connection, """COPY "DirectiveReference" ("Id", "DirectiveId", "Position", "ReferencedDirectiveId", "Number") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var d in list.Where(d => d.CarriesOut is not null))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), cancellationToken);
                await copy.WriteAsync(d.Id, cancellationToken);
                await copy.WriteAsync(0, cancellationToken);
                await copy.WriteAsync(d.CarriesOut!.Id, cancellationToken);
                await copy.WriteAsync(d.CarriesOut.Number, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long tasks = 0;
        await using (var copy = await BeginCopyAsync(connection, """COPY "DirectiveTasks" ("Id", "DirectiveId", "Position", "Label", "Text", "Deadline", "LeadOrganizationId") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var d in list)
            {
                foreach (var t in d.Tasks)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(t.Id, cancellationToken);
                    await copy.WriteAsync(d.Id, cancellationToken);
                    await copy.WriteAsync(t.Position - 1, cancellationToken);
                    await copy.WriteAsync(t.Position.ToString(CultureInfo.InvariantCulture), cancellationToken);
                    await copy.WriteAsync(t.Text, cancellationToken);
                    await WriteNullableAsync(copy, t.Deadline, NpgsqlDbType.Date, cancellationToken);

                    await copy.WriteAsync(t.Lead, cancellationToken);
                    tasks++;
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await BeginCopyAsync(connection, """COPY "TaskCoordinator" ("TaskId", "OrganizationId", "Position") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var t in list.SelectMany(d => d.Tasks))
            {
                for (var i = 0; i < t.Coordinators.Length; i++)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(t.Id, cancellationToken);
                    await copy.WriteAsync(t.Coordinators[i], cancellationToken);
                    await copy.WriteAsync(i, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        long taskAssignments = 0, overdue = 0, reports = 0;
        await using (var copy = await BeginCopyAsync(connection,
            """COPY "TaskAssignments" ("Id", "DirectiveId", "TaskId", "OrganizationId", "Role", "Deadline", "Status", "CompletedAt", "LastReportAt", "OverdueFlaggedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var d in list)
            {
                foreach (var a in d.TaskAssignments)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(a.Id, cancellationToken);
                    await copy.WriteAsync(d.Id, cancellationToken);
                    await copy.WriteAsync(a.TaskId, cancellationToken);
                    await copy.WriteAsync(a.OrganizationId, cancellationToken);
                    await copy.WriteAsync(a.Role, cancellationToken);
                    await WriteNullableAsync(copy, a.Deadline, NpgsqlDbType.Date, cancellationToken);

                    await copy.WriteAsync(a.Status, cancellationToken);
                    await WriteNullableAsync(copy, a.CompletedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullableAsync(copy, a.LastReportAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteNullableAsync(copy, a.FlaggedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    taskAssignments++;
                    overdue += a.FlaggedAt is not null && a.CompletedAt is null ? 1 : 0;
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await BeginCopyAsync(connection, """COPY "ProgressReports" ("Id", "TaskAssignmentId", "Status", "Note", "ReportedById", "ReportedAt") FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            foreach (var a in list.SelectMany(d => d.TaskAssignments).Where(a => a.Report is not null))
            {
                var (status, at) = a.Report!.Value;
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), cancellationToken);
                await copy.WriteAsync(a.Id, cancellationToken);
                await copy.WriteAsync(status, cancellationToken);
                await copy.WriteAsync(status == "InProgress" ? "Đang triển khai" : "Đã hoàn thành", cancellationToken);
                await copy.WriteAsync(officerId, cancellationToken);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                reports++;
            }

            await copy.CompleteAsync(cancellationToken);
        }

        return new Counts(list.Count, recipients, tasks, taskAssignments, overdue, reports);
    }

    /// <summary>A COPY without Npgsql's 30-second default: finishing one writes millions of rows and their indexes.</summary>
    private static async Task<NpgsqlBinaryImporter> BeginCopyAsync(NpgsqlConnection connection, string command, CancellationToken cancellationToken)
    {
        var copy = await connection.BeginBinaryImportAsync(command, cancellationToken);
        copy.Timeout = TimeSpan.FromMinutes(30);
        return copy;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, cancellationToken);
        }
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, type, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private static T[] Sample<T>(Random random, T[] pool, int count)
    {
        var copy = (T[])pool.Clone();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy[..count];
    }

    /// <summary>Ids from the seeded generator, so one seed gives the same database (v4 layout).</summary>
    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using DirectiveHub.Assignments;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Seeding;

/// <summary>
/// The demo province, drawn from the sample directives: the tree as it stood in 2021 (city and provincial committees,
/// district committees with their boards, state bodies and mass organizations, communes and wards), the three sample
/// directives published from their real issuers, and the 2025 reform (Quận ủy Hà Đông and Huyện ủy Con Cuông
/// dissolved, their communes merged and placed straight under the province). Huyện ủy Quốc Oai is kept as it was so
/// that the district office's workflow can be tried with the demo accounts.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> userManager)
{
    private static readonly DateOnly Founded = new(2020, 1, 1);
    private static readonly DateOnly Reform = new(2025, 7, 1);
    private static readonly DateOnly TermStart = new(2020, 10, 1);
    private static readonly DateOnly NextTermStart = new(2025, 10, 1);

    private readonly List<Organization> _organizations = [];
    private readonly Dictionary<(Guid Unit, int Year), ArrivalRegister> _arrivals = [];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var tw = Add("TW", "BAN CHẤP HÀNH TRUNG ƯƠNG", OrganizationKind.CentralCommittee, "TW", "Hà Nội", null, "ĐẢNG CỘNG SẢN VIỆT NAM");

        // Hà Nội, with Quốc Oai (the clerk's district) and Hà Đông (dissolved in 2025).
        var hanoi = Add("HN", "THÀNH ỦY HÀ NỘI", OrganizationKind.ProvincialCommittee, "TU", "Hà Nội", tw, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI");
        var quocOai = Add("HN-QO", "HUYỆN ỦY QUỐC OAI", OrganizationKind.DistrictCommittee, "HU", "Quốc Oai", hanoi, "ĐẢNG BỘ HUYỆN QUỐC OAI");
        Add("HN-QO-VP", "VĂN PHÒNG HUYỆN ỦY", OrganizationKind.CommitteeBoard, "VPHU", "Quốc Oai", quocOai);
        Add("HN-QO-BTG", "BAN TUYÊN GIÁO", OrganizationKind.CommitteeBoard, "BTGHU", "Quốc Oai", quocOai);
        Add("HN-QO-UBND", "HĐND, UBND HUYỆN QUỐC OAI", OrganizationKind.StateBody, "UBND", "Quốc Oai", quocOai);
        var mttqQuocOai = Add("HN-QO-MTTQ", "ỦY BAN MTTQ HUYỆN QUỐC OAI", OrganizationKind.MassOrganization, "MTTQ", "Quốc Oai", quocOai);
        var doanQuocOai = Add("HN-QO-DTN", "HUYỆN ĐOÀN QUỐC OAI", OrganizationKind.MassOrganization, "HĐ", "Quốc Oai", quocOai);
        var ttQuocOai = Add("HN-QO-TTQO", "ĐẢNG ỦY THỊ TRẤN QUỐC OAI", OrganizationKind.CommuneCommittee, "ĐU", "Quốc Oai", quocOai);
        var saiSon = Add("HN-QO-SS", "ĐẢNG ỦY XÃ SÀI SƠN", OrganizationKind.CommuneCommittee, "ĐU", "Sài Sơn", quocOai);
        var phuongCach = Add("HN-QO-PC", "ĐẢNG ỦY XÃ PHƯỢNG CÁCH", OrganizationKind.CommuneCommittee, "ĐU", "Phượng Cách", quocOai);
        var ngocLiep = Add("HN-QO-NL", "ĐẢNG ỦY XÃ NGỌC LIỆP", OrganizationKind.CommuneCommittee, "ĐU", "Ngọc Liệp", quocOai);
        Add("HN-QO-SS-CB1", "CHI BỘ THÔN 1", OrganizationKind.PartyCell, "CB", "Sài Sơn", saiSon);

        var haDong = Add("HN-HD", "QUẬN ỦY HÀ ĐÔNG", OrganizationKind.DistrictCommittee, "QU", "Hà Đông", hanoi, "ĐẢNG BỘ QUẬN HÀ ĐÔNG");
        Add("HN-HD-VP", "VĂN PHÒNG QUẬN ỦY", OrganizationKind.CommitteeBoard, "VPQU", "Hà Đông", haDong);
        var vanQuan = Add("HN-HD-VQ", "ĐẢNG ỦY PHƯỜNG VĂN QUÁN", OrganizationKind.CommuneCommittee, "ĐU", "Văn Quán", haDong);
        var yetKieu = Add("HN-HD-YK", "ĐẢNG ỦY PHƯỜNG YẾT KIÊU", OrganizationKind.CommuneCommittee, "ĐU", "Yết Kiêu", haDong);
        var laKhe = Add("HN-HD-LK", "ĐẢNG ỦY PHƯỜNG LA KHÊ", OrganizationKind.CommuneCommittee, "ĐU", "La Khê", haDong);

        // Nghệ An, with Con Cuông (dissolved in 2025).
        var ngheAn = Add("NA", "TỈNH ỦY NGHỆ AN", OrganizationKind.ProvincialCommittee, "TU", "Nghệ An", tw, "ĐẢNG BỘ TỈNH NGHỆ AN");
        var conCuong = Add("NA-CC", "HUYỆN ỦY CON CUÔNG", OrganizationKind.DistrictCommittee, "HU", "Con Cuông", ngheAn, "ĐẢNG BỘ HUYỆN CON CUÔNG");
        var ubndConCuong = Add("NA-CC-UBND", "HĐND, UBND HUYỆN CON CUÔNG", OrganizationKind.StateBody, "UBND", "Con Cuông", conCuong);
        var vpConCuong = Add("NA-CC-VP", "VĂN PHÒNG HUYỆN ỦY", OrganizationKind.CommitteeBoard, "VPHU", "Con Cuông", conCuong);
        var ubktConCuong = Add("NA-CC-UBKT", "ỦY BAN KIỂM TRA HUYỆN ỦY", OrganizationKind.CommitteeBoard, "UBKTHU", "Con Cuông", conCuong);
        var mttqConCuong = Add("NA-CC-MTTQ", "ỦY BAN MTTQ HUYỆN CON CUÔNG", OrganizationKind.MassOrganization, "MTTQ", "Con Cuông", conCuong);
        var bcdConCuong = Add("NA-CC-BCD", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 HUYỆN", OrganizationKind.CommitteeBoard, "BCĐ", "Con Cuông", conCuong);
        var ttConCuong = Add("NA-CC-TT", "ĐẢNG ỦY THỊ TRẤN CON CUÔNG", OrganizationKind.CommuneCommittee, "ĐU", "Con Cuông", conCuong);
        var monSon = Add("NA-CC-MS", "ĐẢNG ỦY XÃ MÔN SƠN", OrganizationKind.CommuneCommittee, "ĐU", "Môn Sơn", conCuong);
        var lucDa = Add("NA-CC-LD", "ĐẢNG ỦY XÃ LỤC DẠ", OrganizationKind.CommuneCommittee, "ĐU", "Lục Dạ", conCuong);

        // Nam Định, with Hải Hậu and its Ban Dân vận.
        var namDinh = Add("ND", "TỈNH ỦY NAM ĐỊNH", OrganizationKind.ProvincialCommittee, "TU", "Nam Định", tw, "ĐẢNG BỘ TỈNH NAM ĐỊNH");
        var haiHau = Add("ND-HH", "HUYỆN ỦY HẢI HẬU", OrganizationKind.DistrictCommittee, "HU", "Hải Hậu", namDinh, "ĐẢNG BỘ HUYỆN HẢI HẬU");
        var bdvHaiHau = Add("ND-HH-BDV", "BAN DÂN VẬN", OrganizationKind.CommitteeBoard, "BDVHU", "Hải Hậu", haiHau);
        var yenDinh = Add("ND-HH-YD", "ĐẢNG ỦY THỊ TRẤN YÊN ĐỊNH", OrganizationKind.CommuneCommittee, "ĐU", "Yên Định", haiHau);
        var haiBac = Add("ND-HH-HB", "ĐẢNG ỦY XÃ HẢI BẮC", OrganizationKind.CommuneCommittee, "ĐU", "Hải Bắc", haiHau);
        var haiToan = Add("ND-HH-HT", "ĐẢNG ỦY XÃ HẢI TOÀN", OrganizationKind.CommuneCommittee, "ĐU", "Hải Toàn", haiHau);

        db.Organizations.AddRange(_organizations);
        await db.SaveChangesAsync(cancellationToken);

        await CreateUserAsync(DemoAccounts.Admin, "Quản trị viên", tw, Roles.Admin);
        var clerk = await CreateUserAsync(DemoAccounts.Clerk, "Nguyễn Thị Lan", quocOai, Roles.Clerk);
        await CreateUserAsync(DemoAccounts.Officer, "Trần Văn Minh", saiSon, Roles.Officer);
        await CreateUserAsync(DemoAccounts.Leader, "Đàm Công Lợi", quocOai, Roles.Leader);
        var officerTtQuocOai = await CreateUserAsync("officer.ttquocoai@demo.local", "Lê Văn Hùng", ttQuocOai, Roles.Officer);
        var officerPhuongCach = await CreateUserAsync("officer.phuongcach@demo.local", "Phạm Thị Hoa", phuongCach, Roles.Officer);
        var officerMttq = await CreateUserAsync("officer.mttqquocoai@demo.local", "Hoàng Văn Nam", mttqQuocOai, Roles.Officer);
        var clerkConCuong = await CreateUserAsync("clerk.concuong@demo.local", "Vi Văn Sơn", conCuong, Roles.Clerk);
        var clerkHaiHau = await CreateUserAsync("clerk.haihau@demo.local", "Vũ Thị Thu", bdvHaiHau, Roles.Clerk);

        // 114-CV/HU: Huyện ủy Quốc Oai, 30/10/2021.
        var quocOaiDirective = Publish(
            quocOai,
            hanoi,
            startAt: 114,
            new DateOnly(2021, 10, 30),
            clerk,
            new DirectiveContent
            {
                DocumentType = "CV",
                Subject = "tăng cường công tác phòng, chống dịch Covid-19 trong tình hình mới",
                Place = "Quốc Oai",
                Preamble = "Trước tình hình dịch Covid-19 trên địa bàn huyện diễn biến phức tạp, khó lường, các trường hợp nhiễm mới Covid-19 ngày một tăng, đã lây lan nhiều địa phương, đơn vị. Để thực hiện tốt nội dung Thông báo kết luận số 163-TB/BCĐ của Ban chỉ đạo phòng chống dịch Covid-19 của huyện về \"tăng cường thực hiện các biện pháp phòng, chống dịch Covid-19 trên địa bàn huyện\" và bảo đảm công tác phòng, chống dịch Covid-19 của Huyện luôn chủ động, hiệu quả hơn, đồng thời luôn giữ vững ổn định tình hình địa phương. Ban Thường vụ Huyện ủy yêu cầu Ủy ban MTTQ, các tổ chức chính trị - xã hội huyện, cơ quan, đơn vị thực hiện một số nội dung sau:",
                Closing = "Yêu cầu các Ủy ban MTTQ, các tổ chức chính trị - xã hội, cơ quan, đơn vị tổ chức triển khai thực hiện.",
                Recipients =
                [
                    new(mttqQuocOai.Id, "UBMTTQ, tổ chức chính trị - xã hội huyện"),
                    new(doanQuocOai.Id, "Huyện đoàn Quốc Oai"),
                    new(ttQuocOai.Id, "Đảng ủy, UBND thị trấn Quốc Oai"),
                    new(saiSon.Id, "Đảng ủy, UBND xã Sài Sơn"),
                    new(phuongCach.Id, "Đảng ủy, UBND xã Phượng Cách"),
                    new(ngocLiep.Id, "Đảng ủy, UBND xã Ngọc Liệp"),
                ],
                Tasks =
                [
                    new(
                        "Tăng cường, đẩy mạnh công tác tuyên truyền, vận động các cán bộ, đảng viên, nhân dân chấp hành, thực hiện nghiêm các quy định trong phòng chống dịch bệnh Covid-19 của Trung ương, Thành phố và Huyện, nhất là nội dung tại Thông báo kết luận số 163-TB/BCĐ ngày 30/10/2021 của Ban chỉ đạo phòng, chống dịch Covid-19 về \"tăng cường thực hiện các biện pháp phòng, chống dịch Covid-19 trên địa bàn huyện\".",
                        new DateOnly(2021, 11, 15),
                        saiSon.Id,
                        [ttQuocOai.Id, phuongCach.Id, ngocLiep.Id],
                        []),
                    new(
                        "Ủy ban MTTQ và các tổ chức chính trị - xã hội của huyện. Trên cơ sở chức năng, nhiệm vụ tổ chức tuyên truyền, vận động, kêu gọi cán bộ, đoàn viên, hội viên, các cá nhân, tổ chức xã hội hỗ trợ, ủng hộ để tăng cường các nguồn lực cần thiết về nhân lực, kinh phí, cơ sở vật chất, trang thiết bị y tế, hàng hóa, nhu yếu phẩm, đồng thời tham gia công tác hỗ trợ, phục vụ trong công tác phòng, chống dịch; phối hợp với cấp ủy, chính quyền địa phương nơi có dịch đảm bảo công tác an sinh xã hội, đời sống nhân dân trong các khu cách ly, phong tỏa.",
                        new DateOnly(2021, 11, 30),
                        mttqQuocOai.Id,
                        [doanQuocOai.Id, saiSon.Id],
                        []),
                ],
                Distribution =
                [
                    new("Ban Thường vụ Huyện ủy", null),
                    new("HĐND, UBND huyện", null),
                    new("Ban chỉ đạo, Sở chỉ huy PCD Covid-19", null),
                    new("Như đề gửi", null),
                    new("VPHU", "Lưu"),
                ],
                Signer = new Signer(SigningAuthority.OnBehalfOf, "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Đàm Công Lợi"),
                References = [new(null, "163-TB/BCĐ")],
            });

        // 213-CV/HU: Huyện ủy Con Cuông, 15/7/2021, hỏa tốc.
        Publish(
            conCuong,
            ngheAn,
            startAt: 213,
            new DateOnly(2021, 7, 15),
            clerkConCuong,
            new DirectiveContent
            {
                DocumentType = "CV",
                Subject = "công tác phòng, chống dịch Covid-19 trên địa bàn huyện Con Cuông",
                Place = "Con Cuông",
                Urgency = Urgency.HoaToc,
                Preamble = "Thời gian qua với sự lãnh đạo, chỉ đạo quyết liệt, kịp thời của cấp ủy, chính quyền, Ban chỉ đạo phòng, chống dịch Covid-19 các cấp, sự vào cuộc đồng bộ của cả hệ thống chính trị, sự đồng lòng ủng hộ của nhân dân công tác phòng, chống dịch Covid-19 trên địa bàn huyện Con Cuông được kiểm soát tốt (chưa có ca nhiễm Covid-19 xảy ra). Tuy nhiên trước những diễn biến hết sức phức tạp của dịch Covid-19, đặc biệt là nguy cơ lây lan từ các vùng, địa phương khác đang có dịch bùng phát. Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, chính quyền, Mặt trận Tổ quốc, các đoàn thể nhân dân, tập trung lãnh đạo, chỉ đạo và tổ chức thực hiện một số nhiệm vụ trọng tâm sau:",
                Recipients =
                [
                    new(ubndConCuong.Id, "HĐND, UBND huyện"),
                    new(vpConCuong.Id, "Các Ban xây dựng Đảng, UBKT, Văn phòng Huyện ủy"),
                    new(ubktConCuong.Id, "Ủy ban Kiểm tra Huyện ủy"),
                    new(mttqConCuong.Id, "Mặt trận Tổ quốc, các tổ chức chính trị - xã hội huyện"),
                    new(bcdConCuong.Id, "Ban Chỉ đạo phòng, chống dịch Covid-19 huyện"),
                    new(ttConCuong.Id, "Đảng ủy thị trấn Con Cuông"),
                    new(monSon.Id, "Đảng ủy xã Môn Sơn"),
                    new(lucDa.Id, "Đảng ủy xã Lục Dạ"),
                ],
                Tasks =
                [
                    new("Các cấp ủy Đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội từ huyện đến cơ sở tiếp tục thực hiện quyết liệt các chủ trương chỉ đạo của Ban Bí thư Trung ương, Chính phủ, Bộ Y tế, Thông báo số 319-TB/TU của Tỉnh ủy Nghệ An và các văn bản chỉ đạo, hướng dẫn của huyện về tăng cường công tác phòng, chống dịch Covid-19.", null, null, [], []),
                    new("Tuyên truyền, vận động cán bộ, nhân dân tuyệt đối không được chủ quan, lơ là; tiếp tục đẩy mạnh phong trào “Toàn dân tham gia phòng, chống dịch Covid-19”, tự giác chấp hành và chủ động thực hiện các biện pháp phòng, chống dịch Covid-19.", null, mttqConCuong.Id, [ttConCuong.Id, monSon.Id, lucDa.Id], []),
                    new("UBND huyện chủ trì, phối hợp với các cơ quan, ban ngành tập trung rà soát, cập nhật kế hoạch, kịch bản phòng, chống dịch Covid-19, bổ sung những nội dung cần thiết phù hợp với diễn biến tình hình và ý kiến chỉ đạo của Trung ương, Chính phủ, Bộ Y tế và của tỉnh.", new DateOnly(2021, 7, 31), ubndConCuong.Id, [bcdConCuong.Id], []),
                ],
                References = [new(null, "319-TB/TU")],
            });

        // 22-CV/BDVHU: Ban Dân vận Huyện ủy Hải Hậu, 27/7/2021.
        Publish(
            bdvHaiHau,
            haiHau,
            startAt: 22,
            new DateOnly(2021, 7, 27),
            clerkHaiHau,
            new DirectiveContent
            {
                DocumentType = "CV",
                Subject = "tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
                Place = "Hải Hậu",
                Preamble = "Thực hiện Công văn số 69-CV/BDVTU, ngày 23/7/2021 của Ban Dân vận Tỉnh ủy và Công văn số 198-CV/HU, ngày 26/7/2021 về tiếp tục tăng cường công tác phòng, chống dịch Covid-19, Ban Dân vận Huyện ủy đề nghị Khối dân vận đảng ủy các xã, thị trấn tập trung thực hiện một số nội dung sau:",
                Recipients =
                [
                    new(yenDinh.Id, "Khối dân vận Đảng ủy thị trấn Yên Định"),
                    new(haiBac.Id, "Khối dân vận Đảng ủy xã Hải Bắc"),
                    new(haiToan.Id, "Khối dân vận Đảng ủy xã Hải Toàn"),
                ],
                Tasks =
                [
                    new("Tiếp tục tham mưu cấp ủy quán triệt, thực hiện nghiêm các văn bản lãnh đạo, chỉ đạo của Trung ương và của tỉnh, huyện về công tác phòng, chống dịch trong tình hình mới, đặc biệt là Kết luận số 07-KL/TW, ngày 11/6/2021 của Bộ Chính trị, Công văn số 215-CV/TU, ngày 14/6/2021 của Ban Thường vụ Tỉnh ủy, Công văn số 198-CV/HU, ngày 26/7/2021 của Ban Thường vụ Huyện ủy.", null, null, [], []),
                    new("Phối hợp với MTTQ và các đoàn thể chính trị - xã hội làm nòng cốt trong công tác tuyên truyền, vận động các tầng lớp nhân dân phát huy vai trò, trách nhiệm của mỗi người dân trong việc tự ý thức bảo vệ bản thân, gia đình và cộng đồng; tập trung cao nhất cho công tác phòng, chống dịch.", null, yenDinh.Id, [haiBac.Id, haiToan.Id], []),
                    new("Phân công đội ngũ cán bộ khối dân vận bám sát cơ sở, địa bàn, nắm chắc tình hình các tầng lớp nhân dân, đặc biệt là các đối tượng yếu thế, người nghèo, người có hoàn cảnh khó khăn,... để kịp thời chia sẻ, phối hợp hỗ trợ, đề xuất với các cơ quan có thẩm quyền trong việc giúp đỡ người dân.", null, haiBac.Id, [], []),
                    new("Khối dân vận đảng ủy các xã, thị trấn chủ động tham mưu cấp ủy triển khai có hiệu quả các nội dung; thường xuyên báo cáo về Ban Dân vận Huyện ủy để tổng hợp, báo cáo Ban Thường vụ Huyện ủy và Ban Dân vận Tỉnh ủy.", new DateOnly(2021, 8, 31), haiToan.Id, [yenDinh.Id, haiBac.Id], []),
                ],
                Distribution =
                [
                    new("Ban Dân vận Tỉnh ủy", "để báo cáo"),
                    new("Thường trực Huyện ủy", "để báo cáo"),
                    new("Như trên", null),
                    new("Ban Dân vận", "Lưu"),
                ],
                Signer = new Signer(SigningAuthority.None, null, "TRƯỞNG BAN", "Lại Văn Hà"),
                References = [new(null, "69-CV/BDVTU"), new(null, "198-CV/HU"), new(null, "07-KL/TW"), new(null, "215-CV/TU")],
            });

        await db.SaveChangesAsync(cancellationToken);

        // Receipt and progress on 114-CV/HU, so the tracking and dashboards have something to show. Xã Sài Sơn (the demo
        // officer's unit) has not acknowledged yet.
        Acknowledge(quocOaiDirective, ttQuocOai, officerTtQuocOai, new DateTime(2021, 10, 30, 9, 15, 0, DateTimeKind.Utc));
        Acknowledge(quocOaiDirective, phuongCach, officerPhuongCach, new DateTime(2021, 10, 31, 2, 0, 0, DateTimeKind.Utc));
        Acknowledge(quocOaiDirective, mttqQuocOai, officerMttq, new DateTime(2021, 10, 30, 8, 0, 0, DateTimeKind.Utc));
        // The lifecycle after a report: Thị trấn Quốc Oai's result was accepted (done), Phượng Cách's was returned
        // (it reports again), Mặt trận's waits for the district's confirmation.
        Report(quocOaiDirective, ttQuocOai, 0, officerTtQuocOai, ProgressStatus.Done, "Đã tổ chức tuyên truyền trên hệ thống loa truyền thanh và tại các khu dân cư.", new DateTime(2021, 11, 10, 3, 0, 0, DateTimeKind.Utc), new ResultDocument("15-BC/ĐU", new DateOnly(2021, 11, 10)));
        Review(quocOaiDirective, ttQuocOai, 0, clerk, quocOai, ReviewDecision.Accept, ResultQuality.DatTot, null, new DateTime(2021, 11, 12, 2, 0, 0, DateTimeKind.Utc));
        Report(quocOaiDirective, phuongCach, 0, officerPhuongCach, ProgressStatus.Done, "Đã tuyên truyền tại các thôn.", new DateTime(2021, 11, 5, 3, 0, 0, DateTimeKind.Utc), new ResultDocument("08-BC/ĐU", new DateOnly(2021, 11, 5)));
        Review(quocOaiDirective, phuongCach, 0, clerk, quocOai, ReviewDecision.Return, null, "Báo cáo chưa nêu số buổi tuyên truyền và số hộ dân được phổ biến; đề nghị bổ sung.", new DateTime(2021, 11, 8, 2, 0, 0, DateTimeKind.Utc));
        Report(quocOaiDirective, mttqQuocOai, 1, officerMttq, ProgressStatus.Done, "Đã vận động được 1,2 tỷ đồng và 15 tấn nhu yếu phẩm.", new DateTime(2021, 12, 3, 3, 0, 0, DateTimeKind.Utc), new ResultDocument("21-BC/MTTQ", new DateOnly(2021, 12, 3)));

        await db.SaveChangesAsync(cancellationToken);

        ApplyReform(hanoi, haDong, [vanQuan, yetKieu, laKhe], "HN-HD-P", "ĐẢNG ỦY PHƯỜNG HÀ ĐÔNG", "Hà Đông");
        ApplyReform(ngheAn, conCuong, [ttConCuong, monSon, lucDa], "NA-CC-X", "ĐẢNG ỦY XÃ CON CUÔNG", "Con Cuông");
        db.Organizations.AddRange(_organizations.Where(o => db.Entry(o).State == EntityState.Detached));
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    private Organization Add(string code, string name, OrganizationKind kind, string symbol, string place, Organization? parent, string? partyBodyName = null)
    {
        var organization = new Organization(code, name, kind, symbol, place, parent, Founded, partyBodyName);
        _organizations.Add(organization);
        return organization;
    }

    private async Task<AppUser> CreateUserAsync(string email, string fullName, Organization organization, string role)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            OrganizationId = organization.Id,
            LockoutEnabled = true,
        };
        var result = await userManager.CreateAsync(user, DemoAccounts.Password);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    private Directive Publish(Organization issuer, Organization parent, int startAt, DateOnly issuedOn, AppUser clerk, DirectiveContent content)
    {
        var register = new NumberRegister(issuer.Id, content.DocumentType, false, NumberingPeriod.Term, TermStart, NextTermStart.AddDays(-1));
        register.StartAt(startAt);
        db.NumberRegisters.Add(register);
        db.NumberRegisters.Add(new NumberRegister(issuer.Id, content.DocumentType, false, NumberingPeriod.Term, NextTermStart, null));

        var at = issuedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var directive = new Directive(issuer.Id, content, clerk.Id, at);
        // The samples were issued in 2021, outside DirectiveHub, some copied without their signature: they are recorded
        // under their own numbers as issued, not put through a clerk's publishing checks.
        directive.RegisterIssued(register, startAt, issuer, parent, issuedOn, clerk.Id, at);
        db.Directives.Add(directive);

        // The seed runs alone in one transaction: the arrival registers are kept here rather than locked row by row.
        foreach (var receipt in directive.Assignments)
        {
            var year = ArrivalNumbering.YearOf(at);
            if (!_arrivals.TryGetValue((receipt.OrganizationId, year), out var arrivals))
            {
                arrivals = new ArrivalRegister(receipt.OrganizationId, year);
                _arrivals[(receipt.OrganizationId, year)] = arrivals;
                db.ArrivalRegisters.Add(arrivals);
            }

            receipt.RecordArrival(arrivals.Allocate(), year, at);
        }

        return directive;
    }

    private static void Acknowledge(Directive directive, Organization unit, AppUser user, DateTime at) =>
        directive.Assignments.Single(a => a.OrganizationId == unit.Id).Acknowledge(user.Id, at);

    private static void Report(Directive directive, Organization unit, int taskIndex, AppUser user, ProgressStatus status, string note, DateTime at, ResultDocument? result = null)
    {
        var receipt = directive.Assignments.Single(a => a.OrganizationId == unit.Id);
        TaskOf(directive, unit, taskIndex).Report(receipt, status, note, user.Id, at, result: result);
    }

    private static void Review(Directive directive, Organization unit, int taskIndex, AppUser reviewer, Organization issuer, ReviewDecision decision, ResultQuality? quality, string? reason, DateTime at) =>
        TaskOf(directive, unit, taskIndex).Review(decision, quality, reason, reviewer.Id, issuer.Id, at);

    private static TaskAssignment TaskOf(Directive directive, Organization unit, int taskIndex)
    {
        var task = directive.Tasks.Where(t => t.ParentId is null).OrderBy(t => t.Position).ElementAt(taskIndex);
        return directive.TaskAssignments.Single(a => a.TaskId == task.Id && a.OrganizationId == unit.Id);
    }

    /// <summary>
    /// The 2025 reform: the district is dissolved with its boards and bodies, its communes merge into one placed under
    /// the province. Its clerk and registers are left with it, as in a database set up before the hand-over existed: the
    /// administration page asks the administrator to move them.
    /// </summary>
    private void ApplyReform(Organization province, Organization district, IReadOnlyList<Organization> communes, string code, string name, string place)
    {
        var merged = new Organization(code, name, OrganizationKind.CommuneCommittee, "ĐU", place, province, Reform);
        _organizations.Add(merged);
        foreach (var commune in communes)
        {
            commune.Dissolve(Reform, merged);
        }

        // The district's own boards, office and bodies end with it: none is left under a committee that no longer exists.
        foreach (var body in _organizations.Where(o => o.ParentId == district.Id && !o.IsDissolved).ToList())
        {
            body.Dissolve(Reform, province);
        }

        district.Dissolve(Reform, province);
    }
}

using DirectiveHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Access;

/// <summary>
/// Settings that hold for every unit at once (the exchange peers, the roots trusted when checking signatures) belong
/// to the administrators of the whole tree: those whose own unit has no parent. An administrator of a part of the
/// tree reads them and cannot change them.
/// </summary>
public static class WholeTree
{
    public const string Refusal = "Chỉ quản trị viên của toàn bộ hệ thống (đơn vị cấp cao nhất) được thay đổi thiết lập này: nó có hiệu lực cho mọi đơn vị.";

    public static Task<bool> AdministeredFromAsync(AppDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AnyAsync(o => o.Id == organizationId && o.ParentId == null, cancellationToken);
}

using System.Security.Cryptography;
using System.Text;
using DirectiveHub.Auditing;
using DirectiveHub.Data;
using DirectiveHub.Directives;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Exchange;

/// <summary>
/// The exchange peers administrators keep in the database, beside the settings' (which stay as they are, read-only
/// here). Every change is validated at the edge of the domain, audited without its keys, and swapped into
/// <see cref="ExchangeOptions.Active"/> at once; other instances pick it up on their exchange worker's next tick.
/// A peer may deliver to any unit of the system, so only an administrator of the whole tree (whose unit has no
/// parent) may add or change one; administrators of a part of the tree see the list.
/// </summary>
public sealed class ExchangePeerRegistry(AppDbContext db, ExchangeOptions options, IDataProtectionProvider protection, TimeProvider clock)
{
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 200;

    private IDataProtector Protector => protection.CreateProtector("DirectiveHub.Exchange.PeerKey.v1");

    /// <summary>Reads the enabled peers of the database into <see cref="ExchangeOptions.Active"/>.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ExchangePeers.AsNoTracking().Where(p => !p.IsDisabled).OrderBy(p => p.Code).ToListAsync(cancellationToken);
        options.UseDatabasePeers(rows.Select(r => new ExchangePeer
        {
            Code = r.Code,
            Name = r.Name,
            KeySha256 = r.KeySha256 is null ? null : Convert.FromHexString(r.KeySha256),
            Url = r.Url is null ? null : new Uri(r.Url),
            OutboundKey = r.OutboundKeyProtected is null ? null : Protector.Unprotect(r.OutboundKeyProtected),
            Units = [.. r.UnitList],
        }).ToList());
    }

    public async Task<IReadOnlyList<ExchangePeerView>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ExchangePeers.AsNoTracking().OrderBy(p => p.Code).Take(500).ToListAsync(cancellationToken);
        return options.Peers.Select(p => new ExchangePeerView(null, p.Code, p.Name, p.Url?.AbsoluteUri, p.Units, !string.IsNullOrEmpty(p.Key), null, !string.IsNullOrEmpty(p.OutboundKey), false, true, null))
            .Concat(rows.Select(View))
            .ToList();
    }

    public const string NotWholeTree = "Chỉ quản trị viên của toàn bộ hệ thống (đơn vị cấp cao nhất) được thêm hoặc sửa hệ thống liên thông: một hệ thống liên thông gửi được văn bản đến mọi đơn vị.";

    /// <summary>Whether the administrator of <paramref name="organizationId"/> stands above every unit.</summary>
    public Task<bool> MayManageAsync(Guid organizationId, CancellationToken cancellationToken) =>
        Access.WholeTree.AdministeredFromAsync(db, organizationId, cancellationToken);

    public async Task<ExchangePeerView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ExchangePeers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is { } row ? View(row) : null;

    /// <summary>Adds a peer (<paramref name="id"/> null) or changes one; blank keys keep the stored ones.</summary>
    /// <returns>The peer as saved, or null when <paramref name="id"/> names none.</returns>
    /// <exception cref="DomainException">A field is out of bounds (its name in <see cref="DomainException.Field"/>).</exception>
    /// <exception cref="ExchangeForbiddenException">The actor administers only part of the tree.</exception>
    public async Task<ExchangePeerView?> SaveAsync(Guid? id, ExchangePeerInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(actor.OrganizationId, cancellationToken))
        {
            throw new ExchangeForbiddenException(NotWholeTree, nameof(ExchangePeerInput.Code));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var code = input.Code?.Trim() ?? string.Empty;
        var name = string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim();
        var url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        var units = (input.Units ?? []).Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var key = string.IsNullOrEmpty(input.Key) ? null : input.Key;
        var outboundKey = string.IsNullOrEmpty(input.OutboundKey) ? null : input.OutboundKey;

        ExchangePeerRecord? row = null;
        if (id is { } existing)
        {
            row = await db.ExchangePeers.SingleOrDefaultAsync(p => p.Id == existing, cancellationToken);
            if (row is null)
            {
                return null;
            }

            if (!string.Equals(row.Code, code, StringComparison.Ordinal))
            {
                throw new DomainException("Không đổi được mã hệ thống của một hệ thống đã khai báo; hãy thêm hệ thống mới.", nameof(ExchangePeerInput.Code));
            }
        }
        else
        {
            if (!ExchangeCodes.IsValid(code))
            {
                throw new DomainException(ExchangeCodes.InvalidMessage, nameof(ExchangePeerInput.Code));
            }

            if (options.Peers.Any(p => string.Equals(p.Code, code, StringComparison.Ordinal)) || await db.ExchangePeers.AnyAsync(p => p.Code == code, cancellationToken))
            {
                throw new DomainException($"Mã hệ thống {code} đã có.", nameof(ExchangePeerInput.Code));
            }
        }

        if (name is { Length: > ExchangePeerRecord.MaxNameLength })
        {
            throw new DomainException($"Tên hệ thống không quá {ExchangePeerRecord.MaxNameLength} ký tự.", nameof(ExchangePeerInput.Name));
        }

        if (url is not null && (url.Length > ExchangePeerRecord.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(parsed.UserInfo)))
        {
            throw new DomainException($"Địa chỉ phải là một URL http(s) đầy đủ, không quá {ExchangePeerRecord.MaxUrlLength} ký tự.", nameof(ExchangePeerInput.Url));
        }

        if (units.Count > ExchangePeerRecord.MaxUnits || units.Any(u => !ExchangeCodes.IsValid(u)))
        {
            throw new DomainException($"Tối đa {ExchangePeerRecord.MaxUnits} mã đơn vị, mỗi mã: " + ExchangeCodes.InvalidMessage, nameof(ExchangePeerInput.Units));
        }

        foreach (var (value, field) in new[] { (key, nameof(ExchangePeerInput.Key)), (outboundKey, nameof(ExchangePeerInput.OutboundKey)) })
        {
            if (value is not null && (value.Length is < MinKeyLength or > MaxKeyLength || value.Any(char.IsWhiteSpace)))
            {
                throw new DomainException($"Khóa dài từ {MinKeyLength} đến {MaxKeyLength} ký tự, không có khoảng trắng.", field);
            }
        }

        if (row is null)
        {
            if (key is null)
            {
                throw new DomainException("Hãy nhập khóa mà hệ thống kia dùng khi gửi đến.", nameof(ExchangePeerInput.Key));
            }

            row = new ExchangePeerRecord(code, now);
            db.ExchangePeers.Add(row);
        }

        row.Describe(name, url is null ? null : new Uri(url).AbsoluteUri, units, input.IsDisabled, now);
        if (key is not null)
        {
            row.SetKey(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))), key[^4..]);
        }

        if (outboundKey is not null)
        {
            row.SetOutboundKey(Protector.Protect(outboundKey));
        }

        // What changed, never the keys themselves: only whether each was replaced.
        var details = System.Text.Json.JsonSerializer.Serialize(new { row.Code, row.Name, row.Url, Units = units, row.IsDisabled, KeyChanged = key is not null, OutboundKeyChanged = outboundKey is not null });
        db.AuditEvents.Add(new AuditEvent(AuditActions.SettingChanged, "ExchangePeer", row.Id.ToString(), actor.UserId, actor.UserName, actor.OrganizationId, actor.IpAddress, details, now));
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        return View(row);
    }

    private static ExchangePeerView View(ExchangePeerRecord r) =>
        new(r.Id, r.Code, r.Name, r.Url, r.UnitList, r.KeySha256 is not null, r.KeyHint, r.OutboundKeyProtected is not null, r.IsDisabled, false, r.UpdatedAt);
}

using DirectiveHub.Exchange;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>
/// Hệ thống liên thông: the exchange peers (other DirectiveHubs or e-office systems) this instance sends to and
/// accepts from. Peers of the settings are listed read-only; the others are added, edited and disabled here. Keys are
/// written, never shown back: a blank key field keeps the stored one.
/// </summary>
public sealed class ExchangePeersModel(ExchangePeerRegistry registry, CurrentUser user) : PageModel
{
    public IReadOnlyList<ExchangePeerView> Peers { get; private set; } = [];

    /// <summary>The peer being edited, or null when the form adds one.</summary>
    public ExchangePeerView? Editing { get; private set; }

    /// <summary>Only an administrator of the whole tree changes peers; others read the list.</summary>
    public bool MayManage { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Url { get; set; }

        public string? Key { get; set; }

        public string? OutboundKey { get; set; }

        /// <summary>One exchange code per line (or separated by commas).</summary>
        public string? Units { get; set; }

        public bool IsDisabled { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        MayManage = await registry.MayManageAsync(user.OrganizationId, cancellationToken);
        if (id is not null && !MayManage)
        {
            return Forbid();
        }

        if (id is { } peerId)
        {
            Editing = await registry.FindAsync(peerId, cancellationToken);
            if (Editing is null)
            {
                return NotFound();
            }

            Input = new InputModel { Code = Editing.Code, Name = Editing.Name, Url = Editing.Url, Units = string.Join('\n', Editing.Units), IsDisabled = Editing.IsDisabled };
        }

        Peers = await registry.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        MayManage = await registry.MayManageAsync(user.OrganizationId, cancellationToken);
        if (!MayManage)
        {
            return Forbid();
        }

        if ((Input.Units?.Length ?? 0) > ExchangePeerRecord.MaxUnitsLength)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Units)}", $"Danh sách đơn vị quá dài (tối đa {ExchangePeerRecord.MaxUnits} mã).");
            return await RedisplayAsync(id, cancellationToken);
        }

        var units = (Input.Units ?? string.Empty).Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var saved = await registry.SaveAsync(id, new ExchangePeerInput(Input.Code, Input.Name, Input.Url, Input.Key, Input.OutboundKey, units, Input.IsDisabled), user.Actor, cancellationToken);
            if (saved is null)
            {
                return NotFound();
            }

            Message = id is null ? $"Đã thêm hệ thống liên thông {saved.Code}." : $"Đã lưu hệ thống liên thông {saved.Code}.";
            return RedirectToPage();
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError($"{nameof(Input)}.{exception.Field ?? nameof(InputModel.Code)}", exception.Message);
            return await RedisplayAsync(id, cancellationToken);
        }
    }

    private async Task<IActionResult> RedisplayAsync(Guid? id, CancellationToken cancellationToken)
    {
        Editing = id is { } peerId ? await registry.FindAsync(peerId, cancellationToken) : null;
        if (id is not null && Editing is null)
        {
            return NotFound();
        }

        Peers = await registry.ListAsync(cancellationToken);
        return Page();
    }
}

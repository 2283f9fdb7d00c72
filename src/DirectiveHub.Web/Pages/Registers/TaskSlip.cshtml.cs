using DirectiveHub.Assignments;
using DirectiveHub.Directives;
using DirectiveHub.Registers;
using DirectiveHub.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectiveHub.Web.Pages.Registers;

/// <summary>
/// The printable task slip (phiếu giao việc) of a directive received by a unit, from its assignment data, with the
/// leader's instruction that a clerk or leader of the unit writes on screen and the slip prints above the signatures.
/// </summary>
public sealed class TaskSlipModel(RegisterBook book, TaskSlipInstructions instructions, CurrentUser user, IValidator<TaskSlipModel.InputModel> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    public TaskSlip Slip { get; private set; } = null!;

    /// <summary>A clerk or leader of the receiving unit writes the instruction; others only read and print the slip.</summary>
    public bool CanWriteInstruction { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel { Instruction = Slip.Instruction };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanWriteInstruction)
        {
            return Forbid();
        }

        var result = await validator.ValidateAsync(Input, cancellationToken);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState, nameof(Input));
            return Page();
        }

        var viewer = await user.GetViewerAsync(cancellationToken);
        var actor = new Actor(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());
        try
        {
            var status = await instructions.RecordAsync(id, Org ?? user.OrganizationId, Input.Instruction, actor, viewer, cancellationToken);
            if (status != LifecycleStatus.Done)
            {
                return status == LifecycleStatus.Forbidden ? Forbid() : NotFound();
            }
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Instruction)}", exception.Message);
            return Page();
        }

        Message = "Đã lưu ý kiến chỉ đạo.";
        return RedirectToPage(new { id, org = Org });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await user.GetViewerAsync(cancellationToken);
        var organizationId = Org ?? user.OrganizationId;
        var slip = await book.TaskSlipAsync(viewer, id, organizationId, cancellationToken);
        if (slip is null)
        {
            return false;
        }

        Slip = slip;
        CanWriteInstruction = TaskSlipInstructions.MayWrite(viewer, organizationId);
        return true;
    }

    public sealed class InputModel
    {
        public string? Instruction { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            // The bound is checked here so the page answers in place; the domain checks it again for the API.
            // Counted as stored: trimmed, a browser's CRLF line breaks as one character each.
            RuleFor(x => x.Instruction).Must(text => text is null || text.Trim().ReplaceLineEndings("\n").Length <= Assignment.MaxInstructionLength)
                .WithMessage("Ý kiến chỉ đạo không quá 2.000 ký tự.");
        }
    }
}

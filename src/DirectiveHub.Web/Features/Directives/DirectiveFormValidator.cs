using DirectiveHub.Directives;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Features.Directives;

/// <summary>
/// The shape rules of a draft, with Vietnamese messages: bounds and well-formed values. A draft may be saved half
/// written, so what must be present before publishing is not checked here but by
/// <see cref="Directive.PublicationProblems"/>. Whether the named units may be used is checked by <see cref="DirectiveDrafts"/>.
/// </summary>
public sealed class DirectiveFormValidator : AbstractValidator<DirectiveForm>
{
    // A committee's whole subtree fits in these; beyond them a list is a mistake or an attack (#20: 100,000 recipients).
    public const int MaxRecipients = 500;

    public const int MaxOtherRecipients = 100;

    public const int MaxDistribution = 100;

    public const int MaxReferences = 50;

    private static readonly DateOnly Earliest = new(1930, 2, 3);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    public DirectiveFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.DocumentType).Must(DocumentType.IsKnown).WithMessage(l["ValDocumentType"]);
        RuleFor(f => f.Subject).MaximumLength(1000).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.Place).MaximumLength(128).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.Urgency).IsInEnum().WithMessage(l["ValInvalidChoice"]);
        RuleFor(f => f.Confidentiality).IsInEnum().WithMessage(l["ValInvalidChoice"]);
        RuleFor(f => f.Preamble).MaximumLength(20000).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.Closing).MaximumLength(5000).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.RecipientOrganizationIds)
            .Must(ids => ids.Count <= MaxRecipients).WithMessage(l["ValTooManyItems", MaxRecipients]);
        RuleFor(f => f.OtherRecipients).Must(list => list.Count <= MaxOtherRecipients).WithMessage(l["ValTooManyItems", MaxOtherRecipients]);
        RuleFor(f => f.Distribution).Must(list => list.Count <= MaxDistribution).WithMessage(l["ValTooManyItems", MaxDistribution]);
        RuleFor(f => f.References).Must(list => list.Count <= MaxReferences).WithMessage(l["ValTooManyItems", MaxReferences]);
        RuleForEach(f => f.OtherRecipients).MaximumLength(512).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.Tasks.Count).LessThanOrEqualTo(100).WithMessage(l["ValTooManyTasks"]).OverridePropertyName(nameof(DirectiveForm.Tasks));
        RuleForEach(f => f.Tasks).SetValidator(new TaskFormValidator(l, allowSubtasks: true));
        RuleForEach(f => f.Distribution).ChildRules(d =>
        {
            d.RuleFor(x => x.Text).NotEmpty().WithMessage(l["ValDistributionText"]).MaximumLength(512).WithMessage(l["ValTooLong"]);
            d.RuleFor(x => x.Purpose).MaximumLength(64).WithMessage(l["ValTooLong"]);
        });
        RuleFor(f => f.Signer.Name).MaximumLength(128).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.Signer.Position).MaximumLength(256).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.Signer.Body).MaximumLength(256).WithMessage(l["ValTooLong"]);
        RuleFor(f => f.Signer.Authority)
            .Must(a => string.IsNullOrWhiteSpace(a) || SigningAuthorityText.FromPrinted(a) != SigningAuthority.None)
            .WithMessage(l["ValSignerAuthority"]);
        RuleForEach(f => f.References).ChildRules(r =>
            r.RuleFor(x => x.Number).MaximumLength(64).WithMessage(l["ValTooLong"]));
    }

    private sealed class TaskFormValidator : AbstractValidator<TaskForm>
    {
        public TaskFormValidator(IStringLocalizer<SharedResource> l, bool allowSubtasks)
        {
            RuleFor(t => t.Text).MaximumLength(8000).WithMessage(l["ValTooLong"]);
            RuleFor(t => t.Deadline)
                .Must(d => d is null || (d >= Earliest && d <= Latest))
                .WithMessage(l["ValDeadline"]);
            RuleFor(t => t.CoordinatingOrganizationIds).Must(ids => ids.Count <= MaxRecipients).WithMessage(l["ValTooManyItems", MaxRecipients]);
            RuleFor(t => t.DeadlineAfterReceipt!.Days)
                .Must(d => d is null or >= 1 and <= DirectiveHub.Calendar.ReceiptDeadline.MaxDays)
                .When(t => t.DeadlineAfterReceipt is not null)
                .WithMessage(l["ValDeadlineDays", DirectiveHub.Calendar.ReceiptDeadline.MaxDays]);
            RuleFor(t => t.DeadlineAfterReceipt)
                .Null()
                .When(t => t.Deadline is not null && t.DeadlineAfterReceipt is { Days: not null })
                .WithMessage(l["ValDeadlineOneKind"]);
            RuleFor(t => t.CoordinatingOrganizationIds)
                .Must((task, coordinators) => task.LeadOrganizationId is not { } lead || !coordinators.Contains(lead))
                .WithMessage(l["ValLeadAlsoCoordinator"]);
            if (allowSubtasks)
            {
                RuleFor(t => t.Subtasks.Count).LessThanOrEqualTo(50).WithMessage(l["ValTooManyTasks"]).OverridePropertyName(nameof(TaskForm.Subtasks));
                RuleForEach(t => t.Subtasks).SetValidator(new TaskFormValidator(l, allowSubtasks: false));
            }
            else
            {
                RuleFor(t => t.Subtasks).Empty().WithMessage(l["ValTwoLevels"]);
            }
        }
    }
}

using DirectiveHub.Calendar;
using DirectiveHub.Directives;
using DirectiveHub.Time;
using DirectiveHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DirectiveHub.Web.Pages.Admin;

/// <summary>The working calendar of a year: days off and make-up working days, edited by top-level administrators.</summary>
public sealed class CalendarModel(WorkingCalendarService calendar, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DayInput Input { get; set; } = new();

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    public bool MayEdit { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public int ShownYear => Year ?? VietnamTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!WorkingCalendarService.IsSupportedYear(ShownYear))
        {
            ModelState.AddModelError(nameof(Year), localizer["WorkCalYearRange", WorkingCalendarService.FirstYear, WorkingCalendarService.LastYear]);
            Year = null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await calendar.MayEditAsync(user.OrganizationId, cancellationToken))
        {
            return Forbid();
        }

        if (Input.Date is not { } date || !WorkingCalendarService.IsSupportedYear(date.Year))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DayInput.Date)}", localizer["WorkCalDateRequired", WorkingCalendarService.FirstYear, WorkingCalendarService.LastYear]);
        }

        if (string.IsNullOrWhiteSpace(Input.Name) || Input.Name.Trim().Length > CalendarDay.NameMaxLength)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DayInput.Name)}", localizer["WorkCalNameRequired", CalendarDay.NameMaxLength]);
        }

        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DayInput.Kind)}", localizer["ValInvalidChoice"]);
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await calendar.SetAsync(Input.Date!.Value, Input.Kind, Input.Name!, Actor(), cancellationToken);
                Message = localizer["WorkCalSaved", VietnamTime.ShortDate(Input.Date!.Value)].Value;
                return RedirectToPage(new { year = Input.Date!.Value.Year });
            }
            catch (DomainException exception)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(DayInput.Kind)}", exception.Message);
            }
        }

        Year ??= Input.Date?.Year;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (!await calendar.MayEditAsync(user.OrganizationId, cancellationToken))
        {
            return Forbid();
        }

        if (!await calendar.RemoveAsync(date, Actor(), cancellationToken))
        {
            return NotFound();
        }

        Message = localizer["WorkCalRemoved", VietnamTime.ShortDate(date)].Value;
        return RedirectToPage(new { year = date.Year });
    }

    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayEdit = await calendar.MayEditAsync(user.OrganizationId, cancellationToken);
        Days = await calendar.YearAsync(ShownYear, cancellationToken);
    }

    private Actor Actor() => new(user.Id, user.Email, user.OrganizationId, HttpContext.Connection.RemoteIpAddress?.ToString());

    public sealed class DayInput
    {
        public DateOnly? Date { get; set; }

        public CalendarDayKind Kind { get; set; }

        public string? Name { get; set; }
    }
}

namespace DirectiveHub.Calendar;

/// <summary>How a calendar entry departs from the plain week (Monday to Friday worked, Saturday and Sunday off).</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday, a Tết day, a compensatory or swapped day off ("ngày nghỉ").</summary>
    DayOff,

    /// <summary>A weekend day worked to make up a bridged day ("ngày làm bù").</summary>
    WorkingDay,
}

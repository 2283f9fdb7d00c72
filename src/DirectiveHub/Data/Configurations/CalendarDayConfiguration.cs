using DirectiveHub.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DirectiveHub.Data.Configurations;

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength);

        // Seeded by the migration, so every database has the calendar whether or not it gets demo data.
        builder.HasData(WorkingCalendarSeed.Days.Select(d => new
        {
            d.Date,
            d.Kind,
            d.Name,
            UpdatedAt = WorkingCalendarSeed.SeededAt,
        }));
    }
}

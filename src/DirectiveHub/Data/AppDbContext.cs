using DirectiveHub.Assignments;
using DirectiveHub.Auditing;
using DirectiveHub.Directives;
using DirectiveHub.Notifications;
using DirectiveHub.Numbering;
using DirectiveHub.Organizations;
using DirectiveHub.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DirectiveHub.Data;

/// <summary>
/// The one model of DirectiveHub. A thin subclass per provider (<see cref="PostgresAppDbContext"/>,
/// <see cref="SqliteAppDbContext"/>) only holds that provider's migrations and its few provider-only features.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationRevision> OrganizationRevisions => Set<OrganizationRevision>();

    public DbSet<Directive> Directives => Set<Directive>();

    public DbSet<DirectiveTask> DirectiveTasks => Set<DirectiveTask>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();

    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<SweepRun> SweepRuns => Set<SweepRun>();

    public DbSet<ReportEvidence> ReportEvidence => Set<ReportEvidence>();

    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();

    public DbSet<Urging> Urgings => Set<Urging>();

    public DbSet<HandlerChange> HandlerChanges => Set<HandlerChange>();

    public DbSet<Users.Substitution> Substitutions => Set<Users.Substitution>();

    public DbSet<NumberRegister> NumberRegisters => Set<NumberRegister>();

    public DbSet<ArrivalRegister> ArrivalRegisters => Set<ArrivalRegister>();

    public DbSet<Reports.PeriodicReport> PeriodicReports => Set<Reports.PeriodicReport>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Calendar.CalendarDay> CalendarDays => Set<Calendar.CalendarDay>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Storage.StoredFile> StoredFiles => Set<Storage.StoredFile>();

    public DbSet<Printing.RecordCopy> RecordCopies => Set<Printing.RecordCopy>();

    public DbSet<Signing.UnitCertificate> UnitCertificates => Set<Signing.UnitCertificate>();

    public DbSet<Signing.TrustedRoot> TrustedRoots => Set<Signing.TrustedRoot>();

    public DbSet<Exchange.ReceivedPackage> ReceivedPackages => Set<Exchange.ReceivedPackage>();

    public DbSet<Exchange.OutgoingStatus> OutgoingStatuses => Set<Exchange.OutgoingStatus>();

    public DbSet<Exchange.OutgoingPackage> OutgoingPackages => Set<Exchange.OutgoingPackage>();

    public DbSet<Exchange.ExchangePeerRecord> ExchangePeers => Set<Exchange.ExchangePeerRecord>();

    public DbSet<Exchange.ReceivedStatus> ReceivedStatuses => Set<Exchange.ReceivedStatus>();

    public DbSet<Import.StagedImport> StagedImports => Set<Import.StagedImport>();

    public DbSet<Dashboards.TaskFigure> TaskFigures => Set<Dashboards.TaskFigure>();

    public DbSet<Dashboards.DirectiveFigure> DirectiveFigures => Set<Dashboards.DirectiveFigure>();

    public DbSet<Dashboards.FigureRefresh> FigureRefreshes => Set<Dashboards.FigureRefresh>();

    public abstract DatabaseProvider Provider { get; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Entities make their own version-7 Guid ids. Telling EF the key is never generated makes it insert a new child
        // found through a navigation (a report added to a task assignment) instead of assuming it exists and updating.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var type } key] && type == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and stable when members are reordered.
        configurationBuilder.Properties<OrganizationKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DirectiveStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Urgency>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Confidentiality>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SigningAuthority>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AttachmentKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<AssignmentRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ProgressStatus>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ResultQuality>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ResultTiming>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReviewDecision>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<UrgingKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ExtensionDecision>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NumberingPeriod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NotificationKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Calendar.CalendarDayKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Assignments.AlertLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NoticeTarget>().HaveConversion<string>().HaveMaxLength(24);
    }

    private void BeforeSave()
    {
        var recount = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (Dashboards.TaskFigures.ChangedDirective(entry) is { } changed)
            {
                recount.Add(changed);
            }

            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit events are append-only.");
            }

            // A plain integer token bumped here works the same on PostgreSQL and SQLite (no rowversion on either).
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { IsConcurrencyToken: true } version)
            {
                var property = entry.Property(version.Name);
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
        }

        // Queued in the same save, so a committed write always leaves its directive to recount (TaskFigures).
        foreach (var directive in recount)
        {
            FigureRefreshes.Add(new Dashboards.FigureRefresh(directive));
        }
    }
}

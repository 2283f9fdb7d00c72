using DirectiveHub.Data;
using DirectiveHub.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectiveHub;

public static class CoreServices
{
    /// <summary>What the web app and the CLI share: the database, the clock, migrations and seeding.</summary>
    public static IServiceCollection AddDirectiveHubCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDirectiveHubDatabase(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Directives.DirectivePublisher>();
        services.AddFileStore(configuration);
        services.AddSingleton(Printing.PdfOptions.Read(configuration));
        services.AddScoped<Printing.RecordCopyWriter>();
        services.AddScoped<Printing.RecordCopies>();
        services.AddScoped<Import.IncomingRegistration>();
        services.AddScoped<Signing.PdfSignatures>();
        services.AddScoped<Directives.AttachmentIntake>();
        services.AddScoped<Import.StagedImports>();
        services.AddScoped<Registers.RegisterBook>();
        services.AddScoped<Registers.TaskSlipInstructions>();
        services.AddScoped<Reports.PeriodicReports>();
        // The OCR tools are found on PATH unless configured (Ocr:Tesseract, Ocr:Pdftoppm).
        services.AddSingleton(new Import.OcrText(configuration["Ocr:Tesseract"] ?? "tesseract", configuration["Ocr:Pdftoppm"] ?? "pdftoppm"));
        services.AddSingleton<Import.ImportReader>();
        services.AddScoped<Assignments.Receiving>();
        services.AddScoped<Assignments.TaskLifecycle>();
        services.AddScoped<Users.Substitutes>();
        services.AddScoped<Assignments.EvidenceIntake>();
        services.AddScoped<Calendar.WorkingCalendarService>();
        services.AddScoped<Assignments.ReceiptDeadlines>();
        services.AddScoped<Assignments.ExceptionList>();
        services.AddScoped<Todo.TodoQuery>();
        services.AddSingleton(configuration.GetSection("Exceptions").Get<Assignments.ExceptionOptions>() ?? new Assignments.ExceptionOptions());
        services.AddSingleton(configuration.GetSection("ReceiptDeadlines").Get<Assignments.ReceiptDeadlineOptions>() ?? new Assignments.ReceiptDeadlineOptions());
        services.AddScoped<Users.FirstAdministrator>();
        services.AddScoped<Users.UserSessions>();
        services.AddScoped<Organizations.OrganizationChanges>();
        services.AddSingleton(configuration.GetSection("Overdue").Get<Assignments.OverdueOptions>() ?? new Assignments.OverdueOptions());
        services.AddScoped<Assignments.OverdueSweep>();
        services.AddScoped<Assignments.SweepRunner>();
        var mail = Notifications.MailOptions.Read(configuration);
        services.AddSingleton(mail);
        services.AddSingleton<Notifications.IMailSender>(string.IsNullOrWhiteSpace(mail.Smtp.Host)
            ? new Notifications.PickupFolderMailSender(mail)
            : new Notifications.SmtpMailSender(mail));
        services.AddScoped<Notifications.OutboxDrain>();
        services.AddSingleton(configuration.GetSection("Exchange").Get<Exchange.ExchangeOptions>() ?? new Exchange.ExchangeOptions());
        services.AddScoped<Exchange.PackageExport>();
        services.AddScoped<Exchange.PackageImport>();
        services.AddScoped<Exchange.StatusEmitter>();
        services.AddScoped<Exchange.StatusIntake>();
        services.AddScoped<Exchange.StatusDrain>();
        services.AddScoped<Exchange.PackageDrain>();
        services.AddScoped<Exchange.ExchangePeerRegistry>();
        services.AddScoped<Exchange.ExchangeFolder>();
        services.AddSingleton<Dashboards.DashboardCache>();
        services.AddHybridCache();
        return services;
    }

    /// <summary>The file store <c>Storage:Provider</c> names: a local folder by default, the PostgreSQL database when shared.</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Storage.FileStorageOptions.Read(configuration);
        services.AddSingleton(options);
        if (options.Provider == Storage.FileStorageProvider.Postgres)
        {
            var connectionString = DatabaseSetup.ReadConnectionString(configuration, DatabaseProvider.Postgres);
            services.AddSingleton<Storage.IFileStore>(provider => new Storage.PostgresFileStore(
                Npgsql.NpgsqlDataSource.Create(connectionString), options, provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<Storage.IFileStore, Storage.LocalFileStore>();
        }

        return services;
    }

    /// <summary>Demo data is on by default for the embedded SQLite database and off for PostgreSQL; Demo:Seed decides.</summary>
    public static bool DemoSeedingEnabled(IConfiguration configuration)
    {
        var value = configuration["Demo:Seed"];
        return string.IsNullOrWhiteSpace(value)
            ? DatabaseSetup.ReadProvider(configuration) == DatabaseProvider.Sqlite
            : bool.Parse(value);
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Infrastructure.Sqlite;
using ClinicPortal.Infrastructure.Postgres;

namespace ClinicPortal.Infrastructure.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// The event log (on SQLite, or on PostgreSQL with its listener for other instances' appends and the reactions'
    /// leases), its read models, checkpoints, the practice's settings and clock, and email.
    /// </summary>
    public static IServiceCollection AddClinicInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => StartedClock.From(configuration)); // the host may have registered it already (Program.cs does)
        if (DataOptions.UsesPostgres(configuration))
            services.AddPostgresLog();
        services.TryAddSingleton<IReactionLeases, SingleInstanceLeases>();
        services.AddOptions<PracticeOptions>()
            .Bind(configuration.GetSection(PracticeOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Practice:TimeZone must be an IANA time zone id.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddOptions<ReminderOptions>()
            .Bind(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => o.HoursBefore is >= 0 and <= ReminderOptions.MaxHoursBefore, $"Reminders:HoursBefore must be 0 (off) to {ReminderOptions.MaxHoursBefore}.")
            .ValidateOnStart();
        services.AddSingleton<PracticeSettings>();
        services.AddSingleton<IPracticeRules>(provider => provider.GetRequiredService<PracticeSettings>());
        services.AddSingleton<PracticeClock>();
        services.AddSingleton<IPracticeClock>(provider => provider.GetRequiredService<PracticeClock>());
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<Application.Ports.ISentEmails>(provider => provider.GetRequiredService<EmailOutbox>());
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<EmailDispatcher>());

        services.AddSingleton<IProjection, ScheduleProjection>();
        services.AddSingleton<IProjection, VisitTypeProjection>();
        services.AddSingleton<VisitTypeCatalogueReadModel>();
        services.AddSingleton<IProjection, RoomProjection>();
        services.AddSingleton<IProjection, ConflictProjection>();
        services.AddSingleton<IProjection, HoldProjection>();
        services.AddSingleton<HoldsReadModel>();
        services.AddSingleton<IProjection, WaitlistProjection>();
        services.AddSingleton<WaitlistReadModel>();
        services.AddSingleton<RoomsReadModel>();
        services.AddSingleton<ConflictsReadModel>();
        services.TryAddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<ReadModelRebuilder>();
        services.AddSingleton<ScheduleReadModel>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ReportsReadModel>();
        services.AddSingleton<DayAsOf>();
        // The pages and handlers read through the Application's query services; the read models answer them.
        services.AddSingleton<IScheduleQueries>(provider => provider.GetRequiredService<ScheduleReadModel>());
        services.AddSingleton<IHoldQueries>(provider => provider.GetRequiredService<HoldsReadModel>());
        services.AddSingleton<IWaitlistQueries>(provider => provider.GetRequiredService<WaitlistReadModel>());
        services.AddSingleton<IConflictQueries>(provider => provider.GetRequiredService<ConflictsReadModel>());
        services.AddSingleton<IReportQueries>(provider => provider.GetRequiredService<ReportsReadModel>());
        services.AddSingleton<IAuditQueries>(provider => provider.GetRequiredService<AuditTrail>());
        services.AddSingleton<IPastQueries>(provider => provider.GetRequiredService<DayAsOf>());
        services.AddSingleton<IRoomQueries>(provider => provider.GetRequiredService<RoomsReadModel>());
        services.AddSingleton<IVisitTypeQueries>(provider => provider.GetRequiredService<VisitTypeCatalogueReadModel>());

        services.AddSingleton<Privacy.PersonalKeys>();
        services.AddSingleton<Application.Ports.IPersonalText>(provider => provider.GetRequiredService<Privacy.PersonalKeys>());
        services.AddSingleton<Privacy.PersonalTextUpgrade>();
        services.AddSingleton<Privacy.AccessLog>();
        services.AddSingleton<Application.Ports.IAccessLog>(provider => provider.GetRequiredService<Privacy.AccessLog>());
        services.AddHostedService(provider => provider.GetRequiredService<Privacy.AccessLog>());
        services.AddSingleton<Checkpoints>();
        services.AddSingleton<ICheckpoints>(provider => provider.GetRequiredService<Checkpoints>());
        return services;
    }

    /// <summary>
    /// The log on PostgreSQL: its store (the read models updated in each append's transaction), the listener that
    /// brings other instances' appends to this one's pages and reactions, and the leases that let one instance at a
    /// time run each reaction.
    /// </summary>
    private static void AddPostgresLog(this IServiceCollection services)
    {
        services.AddSingleton<PostgresInstance>();
        services.AddSingleton(provider => new PostgresEventStore(
            provider.GetRequiredService<Npgsql.NpgsqlDataSource>(), provider.GetServices<IProjection>(),
            provider.GetRequiredService<EventLogSignal>(), provider.GetRequiredService<PostgresInstance>(), provider.GetRequiredService<Privacy.PersonalKeys>()));
        services.AddSingleton<IEventStore>(provider => provider.GetRequiredService<PostgresEventStore>());
        services.AddSingleton<PostgresLogListener>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresLogListener>());
        services.AddSingleton<IReactionLeases, PostgresLeases>();
        services.AddHostedService(provider => new PracticeSettingsRefresh(
            provider.GetRequiredService<PracticeSettings>(), provider.GetRequiredService<ILogger<PracticeSettingsRefresh>>()));
    }
}

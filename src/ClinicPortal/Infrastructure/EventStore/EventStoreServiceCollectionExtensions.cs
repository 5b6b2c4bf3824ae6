using Microsoft.Extensions.DependencyInjection.Extensions;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelBooking;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Reception.MarkVisit;
using ClinicPortal.Features.Scheduling.RemoveSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Policies;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Infrastructure.EventStore;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>The event log, its read models, the use-case handlers and the policies that react to the log.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PracticeOptions>()
            .Bind(configuration.GetSection(PracticeOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Practice:TimeZone must be an IANA time zone id.")
            .ValidateOnStart();
        services.AddOptions<Email.EmailOptions>().Bind(configuration.GetSection(Email.EmailOptions.Section));
        services.AddSingleton<PracticeSettings>();
        services.AddSingleton<PracticeClock>();
        services.AddSingleton<Email.IEmailSender, Email.SmtpEmailSender>();
        services.AddSingleton<Email.EmailOutbox>();
        services.AddSingleton<Email.NoticeComposer>();
        services.AddSingleton<Email.EmailDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<Email.EmailDispatcher>());

        services.AddSingleton<EventLogSignal>();
        services.AddSingleton<IProjection, ScheduleProjection>();
        services.AddSingleton<IEventStore, SqliteEventStore>();
        services.AddSingleton<ReadModelRebuilder>();
        services.AddSingleton<ScheduleReadModel>();
        services.AddSingleton<Features.Shared.TimeGrid.StaffDayReader>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<CommandExecutor>();

        services.AddSingleton<ScheduleDayHandler>();
        services.AddSingleton<RemoveSlotsHandler>();
        services.AddSingleton<BookSlotsHandler>();
        services.AddSingleton<CancelBookingHandler>();
        services.AddSingleton<CancelDayHandler>();
        services.AddSingleton<MarkVisitHandler>();

        services.AddSingleton<Checkpoints>();
        services.AddSingleton<MonthlyQuotaPolicy>();
        services.AddHostedService(provider => provider.GetRequiredService<MonthlyQuotaPolicy>());
        return services;
    }
}

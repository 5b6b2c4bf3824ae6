using ClinicPortal.Application;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Demo;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Reception.MarkVisit;
using ClinicPortal.Features.Scheduling.RemoveSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Shared.TimeGrid;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal;

/// <summary>
/// The composition root: the one place that knows every layer. Features use the application layer, which decides
/// with the domain's rules; Infrastructure implements the application's ports (the event store, checkpoints) and
/// the services pages read.
/// </summary>
public static class Composition
{
    public static IServiceCollection AddClinicPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClinicData(configuration);
        services.AddClinicInfrastructure(configuration);
        services.AddAccounts();

        // The application layer: the executor that reads, decides and appends, and the reactions to the log.
        services.AddSingleton<EventLogSignal>();
        services.AddSingleton<CommandExecutor>();
        services.AddSingleton<ReactionHealth>();
        services.AddSingleton<MonthlyQuotaPolicy>();
        services.AddHostedService(provider => provider.GetRequiredService<MonthlyQuotaPolicy>());

        // The features: one handler per use case, the patients' notices, the calendars' reader, the demo.
        services.AddSingleton<ScheduleDayHandler>();
        services.AddSingleton<RemoveSlotsHandler>();
        services.AddSingleton<BookSlotsHandler>();
        services.AddSingleton<Availability>();
        services.AddSingleton<Features.Booking.MoveAppointment.MoveAppointmentHandler>();
        services.AddSingleton<Features.Booking.ChangeParts.AppointmentPartsHandler>();
        services.AddSingleton<Features.Booking.ChangeRoom.ChangeRoomHandler>();
        services.AddOptions<Features.Holds.HoldOptions>().Bind(configuration.GetSection(Features.Holds.HoldOptions.Section));
        services.AddSingleton<Features.Holds.HoldHandler>();
        services.AddSingleton<Features.Clock.DueTimers>();
        services.AddHostedService(provider => provider.GetRequiredService<Features.Clock.DueTimers>());
        services.AddOptions<Features.Waitlist.WaitlistOptions>().Bind(configuration.GetSection(Features.Waitlist.WaitlistOptions.Section));
        services.AddSingleton<Features.Waitlist.WaitlistHandler>();
        services.AddSingleton<Features.Waitlist.WaitlistOffers>();
        services.AddHostedService(provider => provider.GetRequiredService<Features.Waitlist.WaitlistOffers>());
        services.AddSingleton<Features.Conflicts.RoomOptions>();
        services.AddSingleton<Features.Admin.VisitTypes.DefineVisitTypeHandler>();
        services.AddSingleton<Features.Admin.Rooms.DefineRoomHandler>();
        services.AddSingleton<CancelAppointmentHandler>();
        services.AddSingleton<Features.Admin.Erasure.ErasePatientHandler>();
        services.AddSingleton<Features.Admin.Erasure.RetentionHandler>();
        services.AddSingleton<Features.PatientData.PatientDataHandler>();
        services.AddSingleton<Features.Booking.BookSeries.BookSeriesHandler>();
        services.AddSingleton<Features.Booking.BookSeries.CancelSeriesHandler>();
        services.AddSingleton<CancelDayHandler>();
        services.AddSingleton<MarkVisitHandler>();
        services.AddSingleton<Features.Conflicts.ConflictAlerts>();
        services.AddSingleton<Features.Conflicts.Reassignments>();
        services.AddSingleton<Features.Api.AppointmentAnswers>();
        services.AddSingleton<Features.Admin.Reports.PracticeReport>();
        services.AddSingleton<Features.Admin.Staff.SetStaffActiveHandler>();
        services.AddSingleton<NoticeComposer>();
        services.AddSingleton<PatientNotices>();
        services.AddHostedService(provider => provider.GetRequiredService<PatientNotices>());
        services.AddSingleton<StaffDayReader>();
        services.AddSingleton<Features.CalendarFeeds.CalendarSubscriptions>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>
    /// Everything the data needs before the first request: the folder and schema, outdated read models rebuilt,
    /// the saved practice settings, the roles, and the demo practice or the owner where configured.
    /// </summary>
    public static async Task PrepareAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await services.GetRequiredService<ClinicDatabase>().InitializeAsync();
        await services.GetRequiredService<Infrastructure.Privacy.PersonalTextUpgrade>().RunAsync();
        await services.GetRequiredService<ReadModelRebuilder>().RebuildOutdatedAsync();
        await services.GetRequiredService<PracticeSettings>().LoadAsync();
        await services.SeedAccountsAsync(configuration);
    }

    /// <summary>
    /// Prepares the database before the first request. A failure is logged and the app still starts,
    /// so that /health/live answers and /health/ready reports what is wrong.
    /// </summary>
    public static async Task InitializeClinicDataAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<ClinicDatabase>();
        try
        {
            await app.Services.PrepareAsync(app.Configuration);
            app.Logger.LogInformation("Database ready at {DatabasePath}", database.DatabasePath);
        }
        catch (Exception exception)
        {
            app.Logger.LogError(exception, "The database at {DatabasePath} could not be prepared", database.DatabasePath);
        }
    }
}

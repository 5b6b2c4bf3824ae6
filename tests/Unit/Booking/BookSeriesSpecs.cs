using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>A series is its bookings decided in order on one state, all or nothing.</summary>
public class BookSeriesSpecs
{
    private static readonly Guid Series = A.Id("5e71");

    private static DeciderSpec<BookSeriesDecider, BookSeries, AppointmentToBook, SlotsBooked> Spec => new();

    private static BookSlots Occurrence(int n, params int[] slots) =>
        new(A.Id($"b{n}"), A.PatientId, slots.Select(A.Slot).ToArray(), A.Receptionist, A.Now);

    private static BookSeries Book(params BookSlots[] occurrences) => new(Series, A.PatientId, occurrences, A.Receptionist, A.Now);

    private static SlotsBooked Booked(int n, params int[] slots) =>
        A.SlotsBooked(A.Id($"b{n}"), A.PatientId, slots) with { BookedBy = A.Receptionist.Name, SeriesId = Series };

    [Fact]
    public void EveryOccurrenceFree_AllAreBookedInOneDecisionNamingTheSeries() =>
        Spec.Given(A.DayScheduled(1, 2, 3)).When(Book(Occurrence(1, 1), Occurrence(2, 3)))
            .Then(Booked(1, 1), Booked(2, 3));

    [Fact]
    public void OneOccurrenceTaken_NothingIsBooked_AndThePlanIsSaidToHaveChanged() =>
        Spec.Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(A.Id("other"), A.OtherPatientId, 3)).When(Book(Occurrence(1, 1), Occurrence(2, 3)))
            .ThenRejected(Rejection.SeriesChanged);

    [Fact]
    public void TwoOccurrencesInOneTime_TheSecondIsRefusedAsTheFirstsTime_AndNothingIsBooked()
    {
        var judged = BookSeriesDecider.Judge(Book(Occurrence(1, 1, 2), Occurrence(2, 2)), Fold(A.DayScheduled(1, 2, 3)));
        Assert.True(judged[0].IsAccepted);
        Assert.Equal(Rejection.SlotAlreadyBooked, judged[1].Rejection);
        Spec.Given(A.DayScheduled(1, 2, 3)).When(Book(Occurrence(1, 1), Occurrence(2, 1))).ThenRejected(Rejection.SeriesChanged);
    }

    [Fact]
    public void TheMonthlyLimitCountsTheSeriesOwnOccurrences()
    {
        // Nine slots of the month held already: the series' first occurrence is the tenth, the second would be the eleventh.
        IClinicEvent[] given = [A.DayScheduled(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), .. Enumerable.Range(1, 9).Select(i => A.SlotsBooked(A.Id($"held{i}"), A.PatientId, i))];
        var judged = BookSeriesDecider.Judge(Book(Occurrence(1, 10), Occurrence(2, 11)), Fold(given));
        Assert.True(judged[0].IsAccepted);
        Assert.Equal(Rejection.MonthlyLimitReached, judged[1].Rejection);
        Spec.Given(given).When(Book(Occurrence(1, 10), Occurrence(2, 11))).ThenRejected(Rejection.SeriesChanged);
    }

    [Fact]
    public void ARefusalOfWhoAsks_IsSaidAsItself_NotAsAChangedPlan()
    {
        Spec.Given(A.DayScheduled(1, 2)).When(Book(Occurrence(1, 1) with { Accounts = new(IsPatient: false) }, Occurrence(2, 2) with { Accounts = new(IsPatient: false) }))
            .ThenRejected(Rejection.NotAPatient);
        Spec.Given(A.DayScheduled(1, 2)).When(Book(Occurrence(1, 1))).ThenRejected(Rejection.SeriesChanged); // one is not a series
        Spec.Given(A.DayScheduled(1, 2)).When(Book(Occurrence(1, 1) with { OverrideReason = "asked" }, Occurrence(2, 2))).ThenRejected(Rejection.NotAllowed);
    }

    private static AppointmentToBook Fold(params IClinicEvent[] events) =>
        events.Aggregate(BookSeriesDecider.Initial(Book(Occurrence(1, 1))), BookSeriesDecider.Evolve);
}

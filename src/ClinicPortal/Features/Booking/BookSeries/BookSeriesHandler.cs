using ClinicPortal.Application;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Application.Ports;
using SeriesCommand = ClinicPortal.Domain.Booking.BookSeries;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>
/// Plans and books a series. The plan finds, for each date, the visit type's start at the asked time (with the clinician
/// asked for, or whoever gave the first date, or anyone who gives it) among the times the Book page would offer, and
/// judges them all together with the booking decision itself (<see cref="BookSeriesDecider.Judge"/>: the monthly limit
/// counts the series' own, the patient is not in two at once, and every other rule); a refused date gets up to
/// <see cref="AlternativesPerDate"/> other times that week, nearest first, each bookable with the rest. Confirming books
/// the dates shown bookable and the alternatives chosen in one conditional append, or nothing and the plan again.
/// </summary>
public sealed class BookSeriesHandler(
    CommandExecutor executor, BookSlotsHandler booking, Availability availability, IVisitTypeQueries visitTypes, IPracticeClock clock,
    IPracticeRules rules, IAccounts people)
{
    public const int AlternativesPerDate = 3;

    /// <summary>The plan of a series as it stands now; or what is wrong with the request.</summary>
    public async Task<(SeriesPlan? Plan, string? Problem)> PlanAsync(SeriesRequest request, Actor by, CancellationToken ct = default)
    {
        by = await people.SpeakingAsync(by, ct); // a patient books a series for themselves or a dependant
        if (request.Problem(clock.Today) is { } problem)
            return (null, problem);
        if (await visitTypes.FindAsync(request.VisitTypeId, ct) is not { } type)
            return (null, "That visit type does not exist.");
        if (by.Role == Role.Patient && !(type.PatientsBookSeries && type.BookableOnline))
            return (null, Shared.RejectionText.For(Rejection.SeriesNotBookableOnline));
        return (await PlanAsync(Guid.CreateVersion7(), request, type, by, null, ct), null);
    }

    /// <summary>
    /// Books the series: the dates <paramref name="shown"/> bookable and, for refused dates, the alternative
    /// <paramref name="chosen"/> (by date, its start); without a plan shown, the one made now. All of them, or nothing
    /// and the plan as it now stands.
    /// </summary>
    public async Task<SeriesOutcome> BookAsync(
        SeriesRequest request, Actor by, SeriesPlan? shown = null, IReadOnlyDictionary<DateOnly, DateTimeOffset>? chosen = null, CancellationToken ct = default)
    {
        by = await people.SpeakingAsync(by, ct);
        if (request.Problem(clock.Today) is { } problem)
            return new SeriesOutcome(null, null, Problem: problem);
        if (await visitTypes.FindAsync(request.VisitTypeId, ct) is not { } type)
            return new SeriesOutcome(null, null, Problem: "That visit type does not exist.");
        var plan = shown ?? await PlanAsync(Guid.CreateVersion7(), request, type, by, null, ct);
        chosen ??= new Dictionary<DateOnly, DateTimeOffset>();
        var taken = new List<IReadOnlyList<Guid>>();
        foreach (var date in plan.Dates)
        {
            if (date.Bookable)
                taken.Add(date.Offer!.SlotIds);
            else if (chosen.TryGetValue(date.Date, out var start))
            {
                if (date.Alternatives.FirstOrDefault(a => a.Offer.StartUtc == start) is not { } alternative)
                    return new SeriesOutcome(null, await AgainAsync(plan, request, type, by, ct));
                taken.Add(alternative.Offer.SlotIds);
            }
        }
        if (taken.Count < SeriesRequest.MinOccurrences)
            return new SeriesOutcome(null, plan, Problem: $"At least {SeriesRequest.MinOccurrences} of its dates must be booked for a series.");
        var command = await CommandAsync(plan.SeriesId, request, by, taken, ct);
        var result = await executor.ExecuteAsync(command, ct);
        if (result.IsAccepted)
            return new SeriesOutcome(result.Value, null);
        return result.Rejection == Rejection.SeriesChanged || result.Rejection == Rejection.Conflict
            ? new SeriesOutcome(null, await AgainAsync(plan, request, type, by, ct))
            : new SeriesOutcome(null, null, result.Rejection);
    }

    /// <summary>The plan made again, saying which dates changed since <paramref name="shown"/>.</summary>
    private async Task<SeriesPlan> AgainAsync(SeriesPlan shown, SeriesRequest request, VisitType type, Actor by, CancellationToken ct) =>
        await PlanAsync(shown.SeriesId, request, type, by, shown, ct);

    private async Task<SeriesCommand> CommandAsync(Guid seriesId, SeriesRequest request, Actor by, IEnumerable<IReadOnlyList<Guid>> slotRuns, CancellationToken ct)
    {
        var occurrences = new List<Domain.Booking.BookSlots>();
        foreach (var slots in slotRuns)
            occurrences.Add(await booking.CommandAsync(request.PatientId, slots, by, request.VisitTypeId, null, null, null, ct));
        return new SeriesCommand(seriesId, request.PatientId, occurrences, by, clock.Now);
    }

    private async Task<SeriesPlan> PlanAsync(Guid seriesId, SeriesRequest request, VisitType type, Actor by, SeriesPlan? shown, CancellationToken ct)
    {
        var byPatient = by.Role == Role.Patient;
        // A patient's dates past how far ahead they may book are refused as such, without reading them (nor their weeks).
        var lastDay = byPatient ? PracticeTime.DateOf(rules.BookingWindow.LatestStart(clock.Now), clock.Zone) : DateOnly.MaxValue;
        var days = new Dictionary<DateOnly, DayOffers>();
        async Task<DayOffers> DayAsync(DateOnly date) => days.TryGetValue(date, out var known) ? known
            : days[date] = date < clock.Today || date > lastDay ? DayOffers.None : await availability.DayAsync(type, date, byPatient, request.ClinicianId, ct: ct);

        // Each date's start at the asked time: with the clinician asked for, else whoever has the first one, else anyone.
        Guid? keepWith = request.ClinicianId;
        var found = new List<(DateOnly Date, DateTimeOffset? Start, ClinicianOffers? With, SlotOffer? Offer)>();
        var outside = new Dictionary<DateOnly, Rejection>();
        foreach (var date in request.Dates())
        {
            var start = PracticeTime.ToUtc(date, request.Time, clock.Zone);
            if (start is { } asked && rules.BookingWindow.ForAppointment(by, asked, clock.Now) is { } notThen)
            {
                outside[date] = notThen;
                found.Add((date, start, null, null));
                continue;
            }
            var match = (await DayAsync(date)).Clinicians.OrderBy(c => c.ClinicianId == keepWith ? 0 : 1)
                .SelectMany(c => c.Offers.Where(o => o.StartUtc == start && !o.Clashes).Select(o => (With: c, Offer: o))).FirstOrDefault();
            keepWith ??= match.With?.ClinicianId;
            found.Add((date, start, match.With, match.Offer));
        }

        // Judged together as they would be booked; then the refused dates' other times that week, each judged with the rest.
        var candidates = found.Where(f => f.Offer is not null).ToArray();
        var series = await CommandAsync(seriesId, request, by, candidates.Select(c => c.Offer!.SlotIds), ct);
        var judged = await JudgeAsync(series, request, by, [], ct);
        var refusals = candidates.Zip(judged.Decisions).ToDictionary(p => p.First.Date, p => p.Second.IsAccepted ? (Rejection?)null : p.Second.Rejection);
        var refused = found.Where(f => !outside.ContainsKey(f.Date) && (f.Offer is null || refusals[f.Date] is not null)).ToArray();
        var options = new Dictionary<DateOnly, IReadOnlyList<(ClinicianOffers With, SlotOffer Offer)>>();
        foreach (var date in refused)
            options[date.Date] = await NearestAsync(date.Date, date.Start ?? Noon(date.Date), DayAsync);
        var alternatives = new Dictionary<DateOnly, IReadOnlyList<PlannedAlternative>>();
        if (options.Values.Any(o => o.Count > 0))
        {
            var all = options.SelectMany(o => o.Value).ToArray();
            var withOptions = await JudgeAsync(series, request, by, all.Select(a => a.Offer.SlotIds), ct);
            var index = 0;
            foreach (var (date, near) in options)
            {
                alternatives[date] = near.Select(n => (n, Accepted: withOptions.Alternatives[index++]))
                    .Where(a => a.Accepted).Take(AlternativesPerDate)
                    .Select(a => new PlannedAlternative(a.n.With.ClinicianId, a.n.With.ClinicianName, a.n.Offer)).ToArray();
            }
        }

        var dates = found.Select(f => new PlannedDate(f.Date, f.Start, f.Offer, f.With?.ClinicianId,
            f.Offer is not null ? refusals[f.Date] : outside.TryGetValue(f.Date, out var why) ? why : null,
            alternatives.GetValueOrDefault(f.Date, []))).ToArray();
        return new SeriesPlan(seriesId, dates, shown is null ? [] : Changes(shown, dates));
    }

    private DateTimeOffset Noon(DateOnly date) => PracticeTime.ToUtc(date, new TimeOnly(12, 0), clock.Zone) ?? DateTimeOffset.MinValue;

    /// <summary>The times that week (Monday to Sunday, from today) nearest the asked start, a few more than shown (some may be refused).</summary>
    private async Task<IReadOnlyList<(ClinicianOffers With, SlotOffer Offer)>> NearestAsync(
        DateOnly date, DateTimeOffset start, Func<DateOnly, Task<DayOffers>> dayAsync)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        var near = new List<(ClinicianOffers With, SlotOffer Offer)>();
        for (var day = monday; day < monday.AddDays(7); day = day.AddDays(1))
            near.AddRange((await dayAsync(day)).Clinicians.SelectMany(c => c.Offers.Where(o => !o.Clashes && o.StartUtc != start).Select(o => (c, o))));
        return near.OrderBy(n => (n.Offer.StartUtc - start).Duration()).ThenBy(n => n.Offer.StartUtc).Take(AlternativesPerDate * 3).ToArray();
    }

    /// <summary>
    /// The candidates judged in order as the series would book them, and each alternative judged alone after the accepted
    /// candidates (one read of the log for all of them).
    /// </summary>
    private async Task<(IReadOnlyList<Checked<SlotsBooked>> Decisions, IReadOnlyList<bool> Alternatives)> JudgeAsync(
        SeriesCommand series, SeriesRequest request, Actor by, IEnumerable<IReadOnlyList<Guid>> alternatives, CancellationToken ct)
    {
        var others = await CommandAsync(series.SeriesId, request, by, alternatives, ct);
        var everything = series with { Occurrences = [.. series.Occurrences, .. others.Occurrences] };
        var state = await executor.StateAsync(everything, ct);
        var decisions = BookSeriesDecider.Judge(series, state);
        var after = decisions.Where(d => d.IsAccepted).Aggregate(state, (s, d) => BookSeriesDecider.Evolve(s, d.Value!));
        return (decisions, others.Occurrences.Select(o => BookSlotsDecider.Decide(o, after).IsAccepted).ToArray());
    }

    private static IReadOnlyList<DateOnly> Changes(SeriesPlan shown, IReadOnlyList<PlannedDate> now) =>
        now.Where(date => shown.Dates.FirstOrDefault(d => d.Date == date.Date) is not { } before
                || before.Bookable != date.Bookable || before.Offer?.SlotIds.SequenceEqual(date.Offer?.SlotIds ?? []) == false
                || !before.Alternatives.Select(a => a.Offer.StartUtc).SequenceEqual(date.Alternatives.Select(a => a.Offer.StartUtc)))
            .Select(date => date.Date).ToArray();
}

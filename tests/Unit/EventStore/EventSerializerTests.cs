using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>
/// The source-generated event JSON must write and read exactly what the reflection-based serializer of earlier
/// versions wrote, so that logs already on disk load unchanged.
/// </summary>
public class EventSerializerTests
{
    // What every version before the source generator used.
    private static readonly JsonSerializerOptions EarlierVersions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { NotWrittenByEarlierVersions, NamedByEarlierVersions } },
    };

    /// <summary>What earlier versions called the clinician of these events (their C# said Doctor then), and every appointment (a booking then).</summary>
    private static void NamedByEarlierVersions(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        var names = info.Type.Name switch
        {
            nameof(DayScheduled) or nameof(SlotsRemoved) or nameof(DayCancelled) or nameof(SlotsBooked) or nameof(AppointmentCancelled)
                or nameof(VisitMarked) or nameof(HoldPlaced) or nameof(HoldReleased) or nameof(HoldExpired) or nameof(ReminderSent) =>
                new Dictionary<string, string> { ["ClinicianId"] = "doctorId" },
            nameof(AppointmentMoved) => new Dictionary<string, string> { ["FromClinicianId"] = "fromDoctorId", ["ToClinicianId"] = "toDoctorId" },
            _ => [],
        };
        foreach (var property in info.Properties)
            if (property.AttributeProvider is System.Reflection.MemberInfo member && names.TryGetValue(member.Name, out var earlier))
                property.Name = earlier;
            else if (info.Type.Namespace?.StartsWith("ClinicPortal.Domain", StringComparison.Ordinal) == true)
                property.Name = property.Name.Replace("appointment", "booking").Replace("Appointment", "Booking"); // the code's appointment was a booking
    }

    /// <summary>What earlier versions did not write (they marked these derived values <c>[JsonIgnore]</c> on the events).</summary>
    private static void NotWrittenByEarlierVersions(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        string[] ignored = info.Type.Name switch
        {
            nameof(SlotsBooked) => ["Clinicians", "VisitType"],
            nameof(AppointmentCancelled) or nameof(HoldPlaced) or nameof(HoldReleased) or nameof(HoldExpired) => ["Clinicians"],
            nameof(AppointmentMoved) => ["FromClinicians", "ToClinicians", "IsReassignment", "IsRoomChange"],
            nameof(ReminderSent) => ["Clinicians", "StartUtc"],
            _ => [],
        };
        foreach (var property in info.Properties.Where(p => ignored.Contains(p.AttributeProvider is System.Reflection.MemberInfo member ? member.Name : "")).ToArray())
            info.Properties.Remove(property);
        // Fields that came later and are written only when set: an event without one is what earlier versions wrote.
        string[] later = info.Type.Name switch { nameof(SlotsBooked) => ["SeriesId"], "VisitTypeDefined" => ["PatientsBookSeries"], _ => [] };
        foreach (var property in info.Properties.Where(p => later.Contains(p.AttributeProvider is System.Reflection.MemberInfo member ? member.Name : "")))
            property.ShouldSerialize = (_, value) => value is not (null or false);
    }

    private static readonly Guid Clinician = Guid.Parse("0195a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Patient = Guid.Parse("0195a1b2-0000-7000-8000-000000000002");
    private static readonly Guid Appointment = Guid.Parse("0195a1b2-0000-7000-8000-000000000003");
    private static readonly DateOnly Date = new(2026, 12, 3);
    private static readonly ScheduledSlot[] Slots =
    [
        new(Guid.Parse("0195a1b2-0000-7000-8000-000000000010"), new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero)),
        new(Guid.Parse("0195a1b2-0000-7000-8000-000000000011"), new DateTimeOffset(2026, 12, 3, 9, 10, 0, TimeSpan.Zero)),
    ];

    public static TheoryData<IClinicEvent> OneOfEachType() =>
    [
        new DayScheduled(Clinician, Date, Slots),
        new SlotsRemoved(Clinician, Date, [Slots[0].SlotId]),
        new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "patient:x", Domain.VisitTypes.VisitType.LongConsultationId, "Knee pain"),
        new AppointmentCancelled(Appointment, Patient, Clinician, Date, Slots, CancellationReason.QuotaExceeded, "system"),
        new DayCancelled(Clinician, Date, "Ill", Slots.Select(s => s.SlotId).ToArray(), [new CancelledAppointment(Appointment, Patient, Slots)], "staff:y"),
        new VisitMarked(Appointment, Patient, Clinician, Date, VisitOutcome.NoShow, "staff:y"),
        new Domain.VisitTypes.VisitTypeDefined(Guid.Parse("0195a1b2-0000-7000-8000-000000000020"), "Vaccination", "With the nurse.", 10,
            [ClinicianKind.Nurse], [Clinician], true, "#7b1fa2", "admin:z"),
        new AppointmentMoved(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, [Slots[0]], Clinician, Date, [Slots[1]], "patient:x"),
        new Domain.Rooms.RoomDefined(Room, "Treatment room", ["treatment", "step-free"], true, "admin:z"),
        new Domain.Conflicts.ClinicianDeactivated(Clinician, "admin:z"),
        new Domain.Conflicts.ClinicianReactivated(Clinician, "admin:z"),
        new HoldPlaced(Appointment, Patient, Clinician, Date, [Slots[0]], Domain.VisitTypes.VisitType.ConsultationId, new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero), "patient:x"),
        new HoldReleased(Appointment, Patient, Clinician, Date, [Slots[0]], "patient:x"),
        new HoldExpired(Appointment, Patient, Clinician, Date, [Slots[0]], new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero)),
        new ReminderSent(Appointment, Patient, Clinician, Date, [Slots[0]], 24, Skipped: true),
        new WaitJoined(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, Date.AddDays(3), "patient:x"),
        new WaitLeft(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, "patient:x"),
        new PatientErased(Patient, "admin:z"),
    ];

    private static readonly Guid Room = Guid.Parse("0195a1b2-0000-7000-8000-000000000030");

    /// <summary>The events rooms gave new fields to, with them: they write and read as the others do.</summary>
    public static TheoryData<IClinicEvent> WithRooms() =>
    [
        new DayScheduled(Clinician, Date, Slots, RoomId: Room),
        new SlotsRemoved(Clinician, Date, [Slots[0].SlotId], [Room]),
        new DayCancelled(Clinician, Date, "Ill", Slots.Select(s => s.SlotId).ToArray(), [], "staff:y", [Room]),
        new Domain.VisitTypes.VisitTypeDefined(Guid.Parse("0195a1b2-0000-7000-8000-000000000021"), "Minor procedure", "", 30,
            [ClinicianKind.Doctor], [], false, "#5d4037", "admin:z", "treatment"),
    ];

    /// <summary>The events staff's overrides gave a new field to, with it.</summary>
    public static TheoryData<IClinicEvent> WithOverrides() =>
    [
        new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "staff:y", Domain.VisitTypes.VisitType.LongConsultationId, null, "Seen together"),
        new AppointmentMoved(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, [Slots[0]], Clinician, Date, [Slots[1]], "staff:y", "Seen together"),
    ];

    [Theory]
    [MemberData(nameof(WithOverrides))]
    public void AnEventWithAnOverrideIsWrittenAndReadBackTheSame(IClinicEvent @event) =>
        AnEventIsWrittenAsEarlierVersionsWroteIt_AndWhatTheyWroteReadsBackTheSame(@event);

    [Fact]
    public void AppointmentsLoggedBeforeOverridesOverrodeNothing()
    {
        // As the version before overrides wrote them: without the field at all.
        var booked = EventSerializer.Serialize(new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "patient:x", Domain.VisitTypes.VisitType.LongConsultationId))
            .Replace(",\"overrideReason\":null", "");
        var moved = EventSerializer.Serialize(new AppointmentMoved(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, [Slots[0]], Clinician, Date, [Slots[1]], "patient:x"))
            .Replace(",\"overrideReason\":null", "");

        Assert.DoesNotContain("override", booked + moved, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Assert.IsType<SlotsBooked>(EventSerializer.Deserialize(nameof(SlotsBooked), booked)).OverrideReason);
        Assert.Null(Assert.IsType<AppointmentMoved>(EventSerializer.Deserialize(EventTypes.NameOf<AppointmentMoved>(), moved)).OverrideReason);
    }

    /// <summary>The events visits of several clinicians gave parts to, with them.</summary>
    public static TheoryData<IClinicEvent> WithParts()
    {
        BookedPart[] parts = [new(ClinicianKind.Nurse, Clinician, [Slots[0].SlotId]), new(ClinicianKind.Doctor, Guid.Parse("0000000d-0000-0000-0000-000000000002"), [Slots[1].SlotId])];
        return
        [
            new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "staff:y", Domain.VisitTypes.VisitType.LongConsultationId, Parts: parts),
            new AppointmentCancelled(Appointment, Patient, Clinician, Date, Slots, CancellationReason.Staff, "staff:y", parts),
            new DayCancelled(Clinician, Date, "unwell", [Slots[0].SlotId], [new CancelledAppointment(Appointment, Patient, Slots, parts)], "staff:y",
                LostParts: [new LostPart(Appointment, Patient, ClinicianKind.Nurse, [Slots[0].SlotId])]),
            new SlotsRemoved(Clinician, Date, [Slots[0].SlotId], LostParts: [new LostPart(Appointment, Patient, ClinicianKind.Nurse, [Slots[0].SlotId])]),
            new AppointmentMoved(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, Slots, Clinician, Date, Slots, "staff:y",
                FromParts: parts, ToParts: parts),
            new Domain.VisitTypes.VisitTypeDefined(Appointment, "Diabetes review", "", 30, [ClinicianKind.Nurse, ClinicianKind.Doctor], [], true, "#2e7d32", "owner",
                Parts: [new(ClinicianKind.Nurse, 0, 20), new(ClinicianKind.Doctor, 10, 20)]),
        ];
    }

    [Theory]
    [MemberData(nameof(WithParts))]
    public void AnEventWithPartsIsWrittenAndReadBackTheSame(IClinicEvent @event) =>
        AnEventIsWrittenAsEarlierVersionsWroteIt_AndWhatTheyWroteReadsBackTheSame(@event);

    [Fact]
    public void EventsLoggedBeforeVisitsHadPartsAreOneCliniciansVisits()
    {
        // As the version before parts wrote them: without the fields at all.
        static string Old(IClinicEvent e) => EventSerializer.Serialize(e).Replace(",\"parts\":null", "").Replace(",\"fromParts\":null", "").Replace(",\"toParts\":null", "");
        var booked = Old(new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "patient:x", Domain.VisitTypes.VisitType.LongConsultationId));
        var cancelled = Old(new AppointmentCancelled(Appointment, Patient, Clinician, Date, Slots, CancellationReason.Patient, "patient:x"));
        var moved = Old(new AppointmentMoved(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, [Slots[0]], Clinician, Date, [Slots[1]], "patient:x"));
        var defined = Old(new Domain.VisitTypes.VisitTypeDefined(Appointment, "Check-up", "", 20, [ClinicianKind.Doctor], [], true, "#2e7d32", "owner"));

        Assert.DoesNotContain("parts", booked + cancelled + moved + defined, StringComparison.OrdinalIgnoreCase);
        var readBooked = Assert.IsType<SlotsBooked>(EventSerializer.Deserialize(nameof(SlotsBooked), booked));
        Assert.Null(readBooked.Parts);
        Assert.Equal([Clinician], readBooked.Clinicians);
        Assert.Null(Assert.IsType<AppointmentCancelled>(EventSerializer.Deserialize(EventTypes.NameOf<AppointmentCancelled>(), cancelled)).Parts);
        Assert.Null(Assert.IsType<AppointmentMoved>(EventSerializer.Deserialize(EventTypes.NameOf<AppointmentMoved>(), moved)).ToParts);
        Assert.False(Domain.VisitTypes.VisitType.From(Assert.IsType<Domain.VisitTypes.VisitTypeDefined>(
            EventSerializer.Deserialize(nameof(Domain.VisitTypes.VisitTypeDefined), defined))).HasParts);
    }

    [Theory]
    [MemberData(nameof(WithRooms))]
    public void AnEventWithARoomIsWrittenAndReadBackTheSame(IClinicEvent @event) =>
        AnEventIsWrittenAsEarlierVersionsWroteIt_AndWhatTheyWroteReadsBackTheSame(@event);

    [Fact]
    public void EventsLoggedBeforeRoomsNameNoRoom()
    {
        var day = JsonSerializer.Serialize(new { doctorId = Clinician, date = "2026-12-03", slotIds = new[] { Slots[0].SlotId } });
        var type = """{"visitTypeId":"0195a1b2-0000-7000-8000-000000000020","name":"Vaccination","description":"","minutes":10,"givenByKinds":["Nurse"],"givenByClinicians":[],"bookableOnline":true,"colour":"#7b1fa2","by":"admin:z"}""";

        var removed = Assert.IsType<SlotsRemoved>(EventSerializer.Deserialize(nameof(SlotsRemoved), day));
        Assert.Null(removed.RoomIds);
        Assert.Null(removed.LostParts); // nor, before a day could be shortened under a shared visit, a lost part
        Assert.Null(Assert.IsType<Domain.VisitTypes.VisitTypeDefined>(EventSerializer.Deserialize(nameof(Domain.VisitTypes.VisitTypeDefined), type)).RoomFeature);
    }

    /// <summary>The events an appointment holding its room for its whole span gave a room to, with it.</summary>
    public static TheoryData<IClinicEvent> WithAppointmentRooms() =>
    [
        new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "staff:y", Domain.VisitTypes.VisitType.LongConsultationId, RoomId: Room),
        new AppointmentCancelled(Appointment, Patient, Clinician, Date, Slots, CancellationReason.Staff, "staff:y", RoomId: Room),
        new AppointmentMoved(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, [Slots[0]], Clinician, Date, [Slots[1]], "staff:y",
            FromRoomId: Room, ToRoomId: null),
    ];

    [Theory]
    [MemberData(nameof(WithAppointmentRooms))]
    public void AnAppointmentWithARoomIsWrittenAndReadBackTheSame(IClinicEvent @event) =>
        AnEventIsWrittenAsEarlierVersionsWroteIt_AndWhatTheyWroteReadsBackTheSame(@event);

    [Fact]
    public void ABookingInASeriesWritesItsSeries_AndOneOutsideAnyIsWrittenWithoutTheField()
    {
        var alone = new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "patient:x", Domain.VisitTypes.VisitType.ConsultationId);
        var series = Guid.Parse("0195a1b2-0000-7000-8000-0000000000aa");

        Assert.DoesNotContain("series", EventSerializer.Serialize(alone), StringComparison.OrdinalIgnoreCase);
        var written = EventSerializer.Serialize(alone with { SeriesId = series });
        Assert.EndsWith($",\"seriesId\":\"{series}\"}}", written);
        Assert.Equal(series, Assert.IsType<SlotsBooked>(EventSerializer.Deserialize(nameof(SlotsBooked), written)).SeriesId);
        Assert.Contains(Tag.Series(series), EventTags.Of(alone with { SeriesId = series }));

        var physio = new Domain.VisitTypes.VisitTypeDefined(Appointment, "Physio", "", 10, [ClinicianKind.Doctor], [], true, "#00796b", "admin:z");
        Assert.DoesNotContain("series", EventSerializer.Serialize(physio), StringComparison.OrdinalIgnoreCase);
        var marked = EventSerializer.Serialize(physio with { PatientsBookSeries = true });
        Assert.EndsWith(",\"patientsBookSeries\":true}", marked);
        Assert.True(Assert.IsType<Domain.VisitTypes.VisitTypeDefined>(EventSerializer.Deserialize(EventTypes.NameOf<Domain.VisitTypes.VisitTypeDefined>(), marked)).PatientsBookSeries);
    }

    [Fact]
    public void AppointmentsLoggedBeforeTheyHeldTheirRoomNameNone()
    {
        // As the version before wrote them: without the fields at all.
        static string Old(IClinicEvent e) => EventSerializer.Serialize(e).Replace(",\"roomId\":null", "").Replace(",\"fromRoomId\":null", "").Replace(",\"toRoomId\":null", "");
        var booked = Old(new SlotsBooked(Appointment, Patient, Clinician, Date, Slots, "patient:x", Domain.VisitTypes.VisitType.LongConsultationId));
        var cancelled = Old(new AppointmentCancelled(Appointment, Patient, Clinician, Date, Slots, CancellationReason.Patient, "patient:x"));
        var moved = Old(new AppointmentMoved(Appointment, Patient, Domain.VisitTypes.VisitType.ConsultationId, Clinician, Date, [Slots[0]], Clinician, Date, [Slots[1]], "patient:x"));

        Assert.DoesNotContain("roomid", booked + cancelled + moved, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Assert.IsType<SlotsBooked>(EventSerializer.Deserialize(nameof(SlotsBooked), booked)).RoomId);
        Assert.Null(Assert.IsType<AppointmentCancelled>(EventSerializer.Deserialize(EventTypes.NameOf<AppointmentCancelled>(), cancelled)).RoomId);
        var readMoved = Assert.IsType<AppointmentMoved>(EventSerializer.Deserialize(EventTypes.NameOf<AppointmentMoved>(), moved));
        Assert.Equal((null, null), (readMoved.FromRoomId, readMoved.ToRoomId));
    }

    [Theory]
    [MemberData(nameof(OneOfEachType))]
    public void AnEventIsWrittenAsEarlierVersionsWroteIt_AndWhatTheyWroteReadsBackTheSame(IClinicEvent @event)
    {
        var earlier = JsonSerializer.Serialize(@event, @event.GetType(), EarlierVersions);

        Assert.Equal(earlier, EventSerializer.Serialize(@event));
        var read = EventSerializer.Deserialize(EventTypes.NameOf(@event), earlier);
        Assert.Equal(@event.GetType(), read.GetType());
        Assert.Equal(earlier, JsonSerializer.Serialize(read, read.GetType(), EarlierVersions));
    }

    [Fact]
    public void EveryTypeTheLogKnowsHasASourceGeneratedSerializer()
    {
        Assert.Equal(EventTypes.All.Count(), OneOfEachType().Count);
        foreach (var type in EventTypes.All)
            Assert.NotNull(EventJson.Default.GetTypeInfo(type));
    }

    [Theory]
    [InlineData(1, "0000c0de-0000-4000-8000-000000000010")]
    [InlineData(2, "0000c0de-0000-4000-8000-000000000020")]
    public void AnAppointmentLoggedBeforeVisitTypesReadsAsAConsultationOrALongConsultation(int slots, string visitType)
    {
        // Exactly what the version before visit types wrote (tests/Unit/Fixtures/log-2026-12-02.jsonl has a whole log of them).
        var json = JsonSerializer.Serialize(new { bookingId = Appointment, patientId = Patient, doctorId = Clinician, date = "2026-12-03",
            slots = Slots.Take(slots).Select(s => new { slotId = s.SlotId, startUtc = s.StartUtc, endUtc = s.EndUtc }), bookedBy = "patient:x" });

        var read = Assert.IsType<SlotsBooked>(EventSerializer.Deserialize(nameof(SlotsBooked), json));

        Assert.Equal(Guid.Parse(visitType), read.VisitTypeId);
        Assert.Null(read.Reason);
        Assert.Equal(slots, read.Slots.Count);
    }

    [Fact]
    public void ADayLoggedBeforeStaffOnlyTimeIsOpenToEveryone()
    {
        var json = JsonSerializer.Serialize(new { doctorId = Clinician, date = "2026-12-03",
            slots = Slots.Select(s => new { slotId = s.SlotId, startUtc = s.StartUtc, endUtc = s.EndUtc }) });

        var read = Assert.IsType<DayScheduled>(EventSerializer.Deserialize(nameof(DayScheduled), json));

        Assert.False(read.StaffOnly);
        Assert.Null(read.OnlyFor);
        Assert.Null(read.RoomId);
    }

    [Fact]
    public void EnumsWrittenAsNumbersStillRead()
    {
        var json = """{"bookingId":"0195a1b2-0000-7000-8000-000000000003","patientId":"0195a1b2-0000-7000-8000-000000000002","doctorId":"0195a1b2-0000-7000-8000-000000000001","date":"2026-12-03","outcome":1,"by":"staff:y"}""";

        var read = Assert.IsType<VisitMarked>(EventSerializer.Deserialize(nameof(VisitMarked), json));

        Assert.Equal((VisitOutcome)1, read.Outcome);
    }
}

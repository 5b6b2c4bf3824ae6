using ClinicPortal.Features.Notifications;

namespace ClinicPortal.Tests.Components.Notifications;

public class NoticeEmailTests : ClinicTestContext
{
    private static readonly DateOnly Day = new(2026, 3, 3);
    private static readonly NoticeTimes[] NineTen = [new("09:10", "09:20")];

    private IRenderedComponent<NoticeEmail> Render(Notice notice) => Render<NoticeEmail>(ps => ps.Add(p => p.Notice, notice));

    private static string Part(IRenderedComponent<NoticeEmail> page, string part) => page.Find($"[data-part={part}]").TextContent.Trim();

    [Fact]
    public void ADayCancellationNamesThePracticePatientClinicianDateTimesAndReasonAndLinksToBookAgain()
    {
        var page = Render(new DayCancelledNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day,
            [new("09:10", "09:20"), new("11:00", "11:20")], "https://clinic.example/book", "Dr Hart is unwell"));

        Assert.Equal("Elm Street Surgery", Part(page, "practice"));
        Assert.Equal("Pat Lee", Part(page, "patient"));
        Assert.Equal("Dr Hart", Part(page, "clinician"));
        Assert.Equal("Tuesday 3 March 2026", Part(page, "date"));
        Assert.Equal("09:10–09:20, 11:00–11:20", Part(page, "times"));
        Assert.Equal("Dr Hart is unwell", Part(page, "reason"));
        Assert.Equal("https://clinic.example/book", page.Find("[data-part=book-again]").GetAttribute("href"));
    }

    [Fact]
    public void AQuotaCancellationExplainsTheTenSlotRule()
    {
        var notice = new QuotaCancelledNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day, NineTen, "https://clinic.example/book");

        var page = Render(notice);

        Assert.Contains("at most 10 appointment slots in one calendar month", Part(page, "lead"));
        Assert.Contains("March 2026", Part(page, "lead"));
        Assert.Equal("Cancelled: more than 10 slots in March", notice.Subject);
    }

    [Fact]
    public void AConfirmationMentionsItsCalendarFileAndOffersNoBookAgainLink()
    {
        var page = Render(new AppointmentConfirmedNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day, NineTen, "https://x/book"));

        Assert.Contains("is booked", Part(page, "lead"));
        Assert.Contains("calendar file", page.Markup);
        Assert.Empty(page.FindAll("[data-part=book-again]"));
    }

    [Fact]
    public void AStaffCancellationSaysThePracticeCancelled()
    {
        var page = Render(new StaffCancelledNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day, NineTen, "https://x/book"));

        Assert.Equal("The practice has cancelled your appointment with Dr Hart on Tuesday 3 March 2026 at 09:10–09:20.", Part(page, "lead"));
    }

    [Fact]
    public void ThePlainTextAlternativeSaysTheSameAndNamesThePractice()
    {
        var text = new DayCancelledNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day, NineTen, "https://clinic.example/book", "Training").PlainText();

        Assert.StartsWith("Dear Pat Lee,", text);
        Assert.Contains("Reason: Training", text);
        Assert.Contains("Book again: https://clinic.example/book", text);
        Assert.EndsWith("Elm Street Surgery\n", text);
    }
}

using ClinicPortal.Features.Notifications;

namespace ClinicPortal.Tests.Components.Notifications;

public class NoticeEmailTests
{
    private static readonly DateOnly Day = new(2026, 3, 3);
    private static readonly NoticeTimes[] NineTen = [new("09:10", "09:20")];

    private static Task<AngleSharp.Dom.IDocument> Render(Notice notice) =>
        ComponentRenderer.RenderAsync<NoticeEmail>(new Dictionary<string, object?> { [nameof(NoticeEmail.Notice)] = notice });

    private static string Part(AngleSharp.Dom.IDocument page, string part) => page.QuerySelector($"[data-part={part}]")!.TextContent.Trim();

    [Fact]
    public async Task ADayCancellationNamesThePracticePatientDoctorDateTimesAndReasonAndLinksToBookAgain()
    {
        var page = await Render(new DayCancelledNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day,
            [new("09:10", "09:20"), new("11:00", "11:20")], "https://clinic.example/book", "Dr Hart is unwell"));

        Assert.Equal("Elm Street Surgery", Part(page, "practice"));
        Assert.Equal("Pat Lee", Part(page, "patient"));
        Assert.Equal("Dr Hart", Part(page, "doctor"));
        Assert.Equal("Tuesday 3 March 2026", Part(page, "date"));
        Assert.Equal("09:10–09:20, 11:00–11:20", Part(page, "times"));
        Assert.Equal("Dr Hart is unwell", Part(page, "reason"));
        Assert.Equal("https://clinic.example/book", page.QuerySelector("[data-part=book-again]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AQuotaCancellationExplainsTheTenSlotRule()
    {
        var notice = new QuotaCancelledNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day, NineTen, "https://clinic.example/book");

        var page = await Render(notice);

        Assert.Contains("at most 10 appointment slots in one calendar month", Part(page, "lead"));
        Assert.Contains("March 2026", Part(page, "lead"));
        Assert.Equal("Cancelled: more than 10 slots in March", notice.Subject);
    }

    [Fact]
    public async Task AConfirmationMentionsItsCalendarFileAndOffersNoBookAgainLink()
    {
        var page = await Render(new BookingConfirmedNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day, NineTen, "https://x/book"));

        Assert.Contains("is booked", Part(page, "lead"));
        Assert.Contains("calendar file", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("[data-part=book-again]"));
    }

    [Fact]
    public async Task AStaffCancellationSaysThePracticeCancelled()
    {
        var page = await Render(new StaffCancelledNotice("Elm Street Surgery", "Pat Lee", "Dr Hart", Day, NineTen, "https://x/book"));

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

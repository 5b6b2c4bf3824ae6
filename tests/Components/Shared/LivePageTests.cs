using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Features.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Components.Shared;

/// <summary>A live page reloads for the appends that touch what it shows, and only for those.</summary>
public class LivePageTests : ClinicTestContext
{
    private static readonly Tag Mine = Tag.Patient(Guid.NewGuid());
    private static readonly Tag Theirs = Tag.Patient(Guid.NewGuid());

    private readonly EventLogSignal signal = new();

    public LivePageTests() => Services.AddFallbackServiceProvider(new ServiceCollection().AddSingleton(signal).BuildServiceProvider());

    /// <summary>A page showing one patient's bookings; its first load waits until the test lets it finish.</summary>
    public sealed class CountingPage : LivePage
    {
        public static TaskCompletionSource FirstLoadMayFinish { get; set; } = new();

        /// <summary>Reloads after the first wait here while it is set.</summary>
        public static TaskCompletionSource? ReloadMayFinish { get; set; }

        public int Loads { get; private set; }

        protected override async Task OnPageInitializedAsync()
        {
            await FirstLoadMayFinish.Task;
            await LoadAsync();
        }

        protected override Task LoadAsync()
        {
            Loads++;
            return Loads > 1 && ReloadMayFinish is { } gate ? gate.Task : Task.CompletedTask;
        }

        protected override bool Shows(Appended appended) => appended.Touches(Mine);
    }

    private static Appended Touching(params Tag[] tags) => new(1, tags.ToHashSet());

    [Fact]
    public void AnAppendAboutSomethingElseDoesNotReloadThePage_OneAboutItsPatientDoes()
    {
        CountingPage.FirstLoadMayFinish = new();
        CountingPage.FirstLoadMayFinish.SetResult();
        var page = Render<CountingPage>();
        Assert.Equal(1, page.Instance.Loads);

        signal.Notify(Touching(Theirs, Tag.Clinician(Guid.NewGuid())));
        signal.Notify(Touching(Mine));

        page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Loads));
    }

    [Fact]
    public void AnAppendWhileThePageIsStillLoading_IsNotMissed()
    {
        CountingPage.FirstLoadMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = Render<CountingPage>();

        signal.Notify(Touching(Mine)); // lands before the first load has read anything
        CountingPage.FirstLoadMayFinish.SetResult();

        page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Loads));
    }

    [Fact]
    public async Task ABurstOfAppendsWhileAReloadRuns_CostsOneMoreReload_NotOneEach()
    {
        CountingPage.FirstLoadMayFinish = new();
        CountingPage.FirstLoadMayFinish.SetResult();
        CountingPage.ReloadMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var page = Render<CountingPage>();
            signal.Notify(Touching(Mine));
            page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Loads)); // the reload is running, held at the gate

            for (var i = 0; i < 20; i++)
                signal.Notify(Touching(Mine));
            page.WaitForAssertion(() => Assert.Equal(2, page.Instance.Loads)); // none starts beside it
            CountingPage.ReloadMayFinish.SetResult();

            page.WaitForAssertion(() => Assert.Equal(3, page.Instance.Loads)); // one more, for all twenty
            Assert.False(await Poll.UntilAsync(() => page.Instance.Loads > 3, TimeSpan.FromMilliseconds(300))); // and no fourth after it
            Assert.Equal(3, page.Instance.Loads);
        }
        finally
        {
            CountingPage.ReloadMayFinish = null;
        }
    }
}

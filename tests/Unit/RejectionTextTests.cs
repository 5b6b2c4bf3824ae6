using ClinicPortal.Domain;
using ClinicPortal.Features.Shared;

namespace ClinicPortal.Tests.Unit;

public class RejectionTextTests
{
    public static TheoryData<Rejection> EveryRejection() => new(Enum.GetValues<Rejection>());

    [Theory]
    [MemberData(nameof(EveryRejection))]
    public void EveryRejectionHasASentenceOfItsOwn(Rejection rejection)
    {
        var generic = RejectionText.For((Rejection)(-1));

        var sentence = RejectionText.For(rejection);

        Assert.NotEqual(generic, sentence);
        Assert.EndsWith(".", sentence);
    }
}

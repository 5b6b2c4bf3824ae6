using System.Reflection;
using ClinicPortal.Application;
using ClinicPortal.Domain;

namespace ClinicPortal.Tests.Unit;

/// <summary>
/// The layers point one way (docs/architecture.md): Domain references nothing but .NET; Application references Domain
/// and the hosting abstractions only; the pages, handlers and endpoints (<c>ClinicPortal.Features</c>,
/// <c>ClinicPortal.Components</c>) read through the Application's query services, never a read model's class; and the
/// handlers gather what their commands need through the Application's ports (the clock, the practice's rules, the
/// accounts), naming nothing of Infrastructure.
/// </summary>
public class LayerTests
{
    private static readonly Assembly Domain = typeof(Actor).Assembly;
    private static readonly Assembly Application = typeof(CommandExecutor).Assembly;
    private static readonly Assembly Web = typeof(ClinicPortal.Composition).Assembly;

    [Fact]
    public void TheDomainReferencesNothingButDotNet() =>
        Assert.All(Domain.GetReferencedAssemblies(), reference => Assert.StartsWith("System", reference.Name));

    [Fact]
    public void TheApplicationReferencesTheDomainAndTheHostingAbstractionsOnly() =>
        Assert.All(Application.GetReferencedAssemblies(), reference => Assert.True(
            reference.Name!.StartsWith("System", StringComparison.Ordinal) || reference.Name == Domain.GetName().Name
            || reference.Name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && reference.Name.EndsWith(".Abstractions", StringComparison.Ordinal),
            $"Application references {reference.Name}"));

    [Fact]
    public void PagesHandlersAndEndpointsReadThroughQueryServices_NotTheReadModels()
    {
        var offenders = Web.GetTypes()
            .Where(type => type.Namespace is { } ns && (ns.StartsWith("ClinicPortal.Features", StringComparison.Ordinal) || ns.StartsWith("ClinicPortal.Components", StringComparison.Ordinal)))
            .SelectMany(type => TypesUsedBy(type).Where(IsReadModel).Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct()
            .ToArray();
        Assert.Empty(offenders);
        // The check sees what it must: a handler's constructor and a page's injected property.
        Assert.Contains(typeof(Application.Queries.IScheduleQueries), TypesUsedBy(typeof(ClinicPortal.Features.Booking.BookSlots.BookSlotsHandler)));
        Assert.Contains(typeof(Application.Queries.IScheduleQueries), TypesUsedBy(typeof(ClinicPortal.Features.Booking.BookSlots.BookPage)));
    }

    [Fact]
    public void HandlersGatherThroughTheApplicationsPortsAndQueries_NamingNoInfrastructure()
    {
        var handlers = Web.GetTypes().Where(type => type.Namespace?.StartsWith("ClinicPortal.Features", StringComparison.Ordinal) == true
            && type.Name.EndsWith("Handler", StringComparison.Ordinal) && !type.IsNested).ToArray();
        Assert.True(handlers.Length >= 14, $"{handlers.Length} handlers found");
        var offenders = handlers
            .SelectMany(type => TypesUsedBy(type).Where(used => used.Namespace?.StartsWith("ClinicPortal.Infrastructure", StringComparison.Ordinal) == true)
                .Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct().ToArray();
        Assert.Empty(offenders);
        Assert.Contains(typeof(Application.Ports.IAccounts), TypesUsedBy(typeof(ClinicPortal.Features.Booking.BookSlots.BookSlotsHandler)));
    }

    private static bool IsReadModel(Type type) => type.Namespace == "ClinicPortal.Infrastructure.ReadModels";

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The types a type's fields, properties, constructors and methods name (generic arguments too).</summary>
    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var named = type.GetFields(Everything).Select(f => f.FieldType)
            .Concat(type.GetProperties(Everything).Select(p => p.PropertyType))
            .Concat(type.GetConstructors(Everything).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(Everything).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
        return named.SelectMany(Unwrapped).Distinct();
    }

    private static IEnumerable<Type> Unwrapped(Type type)
    {
        if (type.HasElementType)
            return Unwrapped(type.GetElementType()!);
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrapped).Prepend(type) : [type];
    }
}

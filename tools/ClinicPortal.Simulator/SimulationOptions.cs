using System.Globalization;

namespace ClinicPortal.Simulator;

public sealed record SimulationOptions
{
    public Uri Url { get; init; } = new("http://localhost:5000");
    public int Workers { get; init; } = 50;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public int Patients { get; init; } = 20;
    public string PatientEmailFormat { get; init; } = "patient{0}@demo.clinic";
    public string Password { get; init; } = "ClinicDemo1!";
    public int Days { get; init; } = 14;
    public int BookWeight { get; init; } = 50;
    public int DoubleWeight { get; init; } = 15;
    public int CancelWeight { get; init; } = 10;
    public int ReadWeight { get; init; } = 25;

    /// <summary>Book a visit type (one of the services patients may book online) through /api/availability and /api/appointments.</summary>
    public int VisitWeight { get; init; }

    /// <summary>Hold a free slot (/api/holds), think, then confirm it (<see cref="ConfirmPercent"/> of the time) or walk away.</summary>
    public int HoldWeight { get; init; }

    /// <summary>Of the holds placed, the share (0 to 100) confirmed; the rest are abandoned and run out.</summary>
    public int ConfirmPercent { get; init; } = 50;

    /// <summary>At most this long between holding and confirming (chosen at random from zero).</summary>
    public TimeSpan HoldThink { get; init; } = TimeSpan.FromSeconds(2);

    public int Seed { get; init; } = 2026;

    public int TotalWeight => BookWeight + DoubleWeight + CancelWeight + ReadWeight + VisitWeight + HoldWeight;

    public const string Usage = """
        ClinicPortal.Simulator: drives a running ClinicPortal over its JSON API, then checks the booking invariants.
          --url URL          the app (default http://localhost:5000)
          --workers N        concurrent workers (default 50)
          --duration S       seconds to run (default 60)
          --patients N       demo patients to act as: patient1..N@demo.clinic (default 20)
          --password P       their password (default the demo one)
          --days N           book within today and the next N-1 days (default 14)
          --mix book=50,double=15,cancel=10,read=25,visit=0,hold=0,confirm=50
                             relative weights of the operations (visit: book a random online visit type at a
                             random free start; hold: hold a free slot, think, then confirm it or walk away),
                             and confirm: the percentage of holds confirmed (the rest run out)
          --hold-think S     at most this many seconds between holding and confirming (default 2)
          --seed N           random seed (default 2026)
        Exit code 0: every invariant held; 1: an invariant was broken; 2: bad arguments or the app could not be reached.
        """;

    public static SimulationOptions Parse(string[] args)
    {
        var options = new SimulationOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
            options = args[i] switch
            {
                "--url" => options with { Url = Uri.TryCreate(Next(), UriKind.Absolute, out var url) ? url : throw new ArgumentException("--url needs an absolute URL.") },
                "--workers" => options with { Workers = Number() },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Number()) },
                "--patients" => options with { Patients = Number() },
                "--password" => options with { Password = Next() },
                "--days" => options with { Days = Number() },
                "--seed" => options with { Seed = Number() },
                "--hold-think" => options with { HoldThink = TimeSpan.FromSeconds(Number()) },
                "--mix" => ParseMix(options, Next()),
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }

    private static SimulationOptions ParseMix(SimulationOptions options, string mix)
    {
        foreach (var part in mix.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
                throw new ArgumentException($"--mix takes name=weight pairs, not '{part}'.");
            options = pair[0] switch
            {
                "book" => options with { BookWeight = weight },
                "double" => options with { DoubleWeight = weight },
                "cancel" => options with { CancelWeight = weight },
                "read" => options with { ReadWeight = weight },
                "visit" => options with { VisitWeight = weight },
                "hold" => options with { HoldWeight = weight },
                "confirm" when weight <= 100 => options with { ConfirmPercent = weight },
                "confirm" => throw new ArgumentException("--mix confirm is a percentage, from 0 to 100."),
                _ => throw new ArgumentException($"--mix knows book, double, cancel, read, visit, hold and confirm, not '{pair[0]}'."),
            };
        }
        if (options.TotalWeight == 0)
            throw new ArgumentException("--mix needs at least one weight above zero.");
        return options;
    }
}

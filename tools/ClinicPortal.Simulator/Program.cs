using ClinicPortal.Simulator;

SimulationOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(SimulationOptions.Usage);
        return 0;
    }
    options = SimulationOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(SimulationOptions.Usage);
    return 2;
}

try
{
    return await new Simulation(options, Console.Out).RunAsync();
}
catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
{
    Console.Error.WriteLine($"The simulation could not run: {exception.Message}");
    return 2;
}

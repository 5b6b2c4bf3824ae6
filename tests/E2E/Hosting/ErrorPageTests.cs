using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Tests.E2E.Hosting;

public class ErrorPageTests : IDisposable
{
    private const string Secret = "stack-trace-marker-8c1f";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("clinicportal-errors-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly WebApplicationFactory<Program> _factory;

    public ErrorPageTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development"); // the friendliest setting for stack traces, and still none is shown
            host.UseSetting("Data:Directory", _dataDirectory);
            host.ConfigureLogging(logging => logging.AddProvider(_logs));
            host.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingEndpoint>());
        });
    }

    [Fact]
    public async Task AnUnhandledExceptionShowsAFriendlyPageAndIsLoggedWithTheRequestId()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/test-failure");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("at ClinicPortal", html);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")?.TextContent.Trim());
        var reference = page.QuerySelector("[data-testid=request-id]")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(reference));

        var logged = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == Secret);
        Assert.Contains(logged.Scopes, scope => scope.Key == "RequestId" && Equals(scope.Value?.ToString(), reference));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Added after the app's own pipeline, so the app's exception handling wraps it.
            app.Map("/test-failure", failing => failing.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception, List<KeyValuePair<string, object?>> Scopes);

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<KeyValuePair<string, object?>>();
                owner._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs);
                }, scopes);
                owner.Entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception, scopes));
            }
        }
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Stream.Service;

/// <summary>
/// The HTTP side of <c>stream run</c>, on one port: <c>/metrics</c> (Prometheus text format),
/// <c>/healthz</c> (200 while the process is alive, draining included) and <c>/readyz</c> (200 when every
/// readiness check passes, 503 with the failing checks otherwise). Kestrel with nothing else: no routing,
/// no MVC, no configuration sources of its own.
/// </summary>
public sealed class MonitoringServer : IAsyncDisposable
{
    private const string PrometheusTextFormat = "text/plain; version=0.0.4; charset=utf-8";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly WebApplication _app;

    private MonitoringServer(WebApplication app) => _app = app;

    public static MonitoringServer Create(string address, int port, CollectorRegistry registry, Readiness readiness, ILoggerFactory loggerFactory)
    {
        var ip = ParseAddress(address);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(ip, port));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IHostLifetime, ExternallyControlledLifetime>();
        var app = builder.Build();
        app.Run(context => HandleAsync(context, registry, readiness));
        return new MonitoringServer(app);
    }

    /// <summary>Starts listening and returns the address actually bound (the real port when 0 was asked for).</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return addresses?.Addresses.FirstOrDefault() ?? "(unknown)";
    }

    public Task StopAsync() => _app.StopAsync(TimeSpan.FromSeconds(2));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task HandleAsync(HttpContext context, CollectorRegistry registry, Readiness readiness)
    {
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        response.Headers.CacheControl = "no-store";
        switch (context.Request.Path.Value)
        {
            case "/metrics":
                response.ContentType = PrometheusTextFormat;
                await registry.CollectAndExportAsTextAsync(response.Body, context.RequestAborted);
                break;
            case "/healthz":
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(readiness.Draining ? "alive, draining\n" : "alive\n", context.RequestAborted);
                break;
            case "/readyz":
                var ready = readiness.IsReady;
                response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(JsonSerializer.Serialize(new { ready, draining = readiness.Draining, checks = readiness.Snapshot() }, Json) + "\n", context.RequestAborted);
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                await response.WriteAsync("not found: the endpoints are /metrics, /healthz and /readyz\n", context.RequestAborted);
                break;
        }
    }

    private static IPAddress ParseAddress(string address)
    {
        if (string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        return IPAddress.TryParse(address, out var ip)
            ? ip
            : throw new ConfigurationException($"service.address must be an IP address (0.0.0.0, 127.0.0.1, ::) or localhost, got \"{address}\"");
    }
}

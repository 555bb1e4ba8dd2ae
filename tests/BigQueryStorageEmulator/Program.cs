using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using StreamProcessor.BigQueryStorageEmulator;
using StreamProcessor.BigQueryStorageEmulator.Read;
using StreamProcessor.BigQueryStorageEmulator.Tables;
using StreamProcessor.BigQueryStorageEmulator.Write;

EmulatorOptions options;
Catalog catalog;
TableJournal? journal = null;
try
{
    options = EmulatorOptions.Parse(args);
    catalog = Catalog.Load(options.Project, options.DdlDirectory);
    if (options.DataFile is { } dataFile) journal = TableJournal.Open(dataFile, catalog);
}
catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("bigquery-storage-emulator: " + e.Message);
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddSingleton(catalog);
// Above the API's 10 MB so an oversized AppendRows gets the API's own INVALID_ARGUMENT, not a transport error.
builder.Services.AddGrpc(g => g.MaxReceiveMessageSize = 2 * BigQueryWriteService.MaxRequestBytes);
builder.Services.AddSingleton<BigQueryWriteService>();
builder.Services.AddSingleton<BigQueryReadService>();
var app = builder.Build();
app.MapGrpcService<BigQueryWriteService>();
app.MapGrpcService<BigQueryReadService>();
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"BigQuery Storage emulator for project {options.Project} listening on {address}; tables: {string.Join(", ", catalog.Tables.Select(t => $"{t.Definition.Dataset}.{t.Definition.Name}"))}");
await app.WaitForShutdownAsync();
journal?.Dispose();
return 0;

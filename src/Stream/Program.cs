using StreamProcessor.Stream.Cli;

using var stop = new CancellationTokenSource();
// Ctrl+C asks the pipeline to stop reading and drain what it holds, instead of killing it mid-write.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await CliApp.RunAsync(args, Console.Out, Console.Error, stop.Token);

using StreamProcessor.Stream.Cli;

using var signals = ShutdownSignals.Register();
return await CliApp.RunAsync(args, Console.Out, Console.Error, signals.Stop, Terminals.OfConsole());

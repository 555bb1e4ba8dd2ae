namespace StreamProcessor.BigQueryStorageEmulator;

/// <summary>
/// The command line: --port N (0 picks a free one), --project ID, --ddl DIR (default: deploy/bigquery above the
/// working directory), --data FILE (keep the tables' data in FILE across restarts; default: memory only).
/// </summary>
public sealed record EmulatorOptions(int Port, string Project, string DdlDirectory, string? DataFile = null)
{
    public const string Usage = "usage: BigQueryStorageEmulator --port N --project ID [--ddl DIR] [--data FILE]";

    public static EmulatorOptions Parse(string[] args)
    {
        int? port = null;
        string? project = null, ddl = null, data = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            switch (args[i])
            {
                case "--port":
                    port = int.TryParse(value, out var p) && p is >= 0 and <= 65535 ? p : throw new ArgumentException($"--port: '{value}' is not a port number (0-65535)");
                    break;
                case "--project": project = value; break;
                case "--ddl": ddl = value; break;
                case "--data": data = value; break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
            i++;
        }
        if (port is null || string.IsNullOrEmpty(project)) throw new ArgumentException(Usage);
        return new EmulatorOptions(port.Value, project, ddl ?? FindDdl(), data);
    }

    private static string FindDdl()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "deploy", "bigquery"))) return Path.Combine(dir.FullName, "deploy", "bigquery");
        throw new ArgumentException("no deploy/bigquery above the working directory: pass --ddl DIR");
    }
}

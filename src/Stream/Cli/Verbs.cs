using System.Text;

namespace StreamProcessor.Stream.Cli;

/// <summary>Every verb, with the options and flags it takes: the one list that help, parsing and checking use.</summary>
public static class Verbs
{
    private static VerbOption Opt(string name, string value, string description) => new(name, value, description);
    private static VerbOption Flag(string name, string description) => new(name, null, description);

    /// <summary>What every verb takes.</summary>
    public static IReadOnlyList<VerbOption> Global { get; } =
    [
        Opt("data-dir", "DIR", "everything embedded mode writes (default ./data)"),
        Opt("config", "FILE", "configuration (default ./config.yaml when present)"),
        Flag("json", "end the output with one JSON object on its own line"),
        Flag("verbose", "on an unexpected error, print its stack trace too"),
        Flag("help", "this text"),
    ];

    public static IReadOnlyList<Verb> All { get; } =
    [
        new("data load", "load box scores (a file with any bad row loads nothing)",
            [Opt("box-scores", "FILE.csv", "the box scores to load (required)")]),
        new("data synth", "generate a season of box scores (the embedded default)",
            [Opt("seed", "N", "the generator's seed"), Opt("out", "FILE.csv", "write the season as CSV instead of loading it")]),
        new("features build", "compute pre-game features for every player-game",
            [Opt("from", "D", "first game date"), Opt("to", "D", "last game date")]),
        new("model train", "train xgboost_v1 per prop, the ensemble's weights and the probability curves on player-games before D",
            [Opt("until", "D", "the cut-off (default: all games)")]),
        new("replay", "predict every player with features on D (main job), a range of days, or a requests file",
        [
            Opt("date", "D", "one day"),
            Opt("from", "D", "a range of days, with --to"),
            Opt("to", "D", "the range's last day"),
            Opt("requests", "FILE.jsonl", "requests in the production message format"),
            Opt("events", "warehouse|jsonl", "where completion events go"),
            Flag("force", "predict again what was already predicted (same prop, lines, features, model)"),
            Opt("inject", "FAULTS", "fault injection, e.g. xgboost_v1.throw=1,sink.transient=2"),
        ]),
        new("evaluate", "walk-forward backtest of the systems against naive baselines",
        [
            Opt("from", "D", "the window's first day (required)"),
            Opt("to", "D", "the window's last day"),
            Opt("prop", "P,..|all", "points (default), rebounds, assists, threes"),
            Opt("report", "DIR", "an HTML page with PNG plots"),
        ]),
        new("run", "the long-running service: reads the spool until SIGTERM/SIGINT, serves /metrics, /healthz and /readyz",
        [
            Opt("port", "N", "where the endpoints listen"),
            Opt("spool", "DIR", "the spool directory"),
            Opt("events", "warehouse|jsonl", "where completion events go"),
        ]),
    ];

    /// <summary>The names that are flags (take no value) for some verb or globally: the parser needs them.</summary>
    public static IReadOnlySet<string> FlagNames { get; } =
        All.SelectMany(v => v.Options).Concat(Global).Where(o => o.IsFlag).Select(o => o.Name).ToHashSet();

    public static Verb? Find(IReadOnlyList<string> words) => All.FirstOrDefault(v => v.Name == string.Join(' ', words));

    public static string Help()
    {
        var text = new StringBuilder();
        text.AppendLine("stream: NBA player-prop predictions from five systems, on TPL Dataflow.");
        text.AppendLine();
        text.AppendLine($"usage: stream <verb> [options] {string.Join(' ', Global.Select(o => $"[{o.Usage}]"))}");
        foreach (var verb in All)
        {
            text.AppendLine();
            text.AppendLine($"  {verb.Name,-16} {verb.Summary}");
            foreach (var option in verb.Options) text.AppendLine($"      {option.Usage,-26} {option.Description}");
        }
        text.AppendLine();
        foreach (var option in Global) text.AppendLine($"  {option.Usage,-16} {option.Description}");
        return text.ToString();
    }
}

using StreamProcessor.Systems.Domain;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Data;
using StreamProcessor.Systems.Synthesis;

namespace StreamProcessor.Stream.Commands;

/// <summary><c>stream data synth [--seed N] [--out FILE.csv]</c>: a generated season into the warehouse (and optionally a CSV).</summary>
internal static class DataSynthCommand
{
    public static int Run(CommandContext context)
    {
        var seed = context.Arguments.GetInt("seed") ?? context.Options.Synth.Seed;
        using var warehouse = context.OpenWarehouse();
        var rows = Generate(warehouse, seed);
        if (context.Arguments.Get("out") is { } csv)
        {
            using var writer = new StreamWriter(csv);
            BoxScoreCsvWriter.Write(writer, rows);
            context.Say($"wrote the season to {csv}");
        }
        context.Say($"generated a season of {rows.Count:N0} box scores (seed {seed}, {rows.Min(r => r.GameDate):yyyy-MM-dd} .. {rows.Max(r => r.GameDate):yyyy-MM-dd}) into {warehouse.Path}");
        context.Result(new
        {
            rows = rows.Count,
            seed,
            players = rows.Select(r => r.PlayerLookup).Distinct().Count(),
            first_date = rows.Min(r => r.GameDate),
            last_date = rows.Max(r => r.GameDate),
            warehouse = warehouse.Path,
        });
        return 0;
    }

    public static IReadOnlyList<BoxScore> Generate(Warehouse warehouse, int seed)
    {
        var rows = SeasonGenerator.Generate(new SeasonGeneratorOptions { Seed = seed });
        new BoxScoreTable(warehouse).Upsert(rows, $"synth:seed={seed}");
        return rows;
    }
}

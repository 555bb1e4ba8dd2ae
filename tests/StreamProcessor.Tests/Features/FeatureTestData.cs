using System.Globalization;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Text;

namespace StreamProcessor.Tests.Features;

/// <summary>
/// The real 2024-25 box scores, read in place from the shared data folder (never copied into
/// the project), with a parser just good enough for that one file. The production reader is
/// elsewhere; this one is private to the tests on purpose.
/// </summary>
internal static class FeatureTestData
{
    public const string RelativePath = "shared/data/box_scores_2024_25_oct_feb.csv";

    private static readonly Lazy<IReadOnlyList<BoxScore>> Season = new(() => Parse(File.ReadLines(RealSeasonPath)));

    /// <summary>Every row of the shared file, parsed once per test run.</summary>
    public static IReadOnlyList<BoxScore> RealSeason => Season.Value;

    /// <summary>Walks up from the test binaries until a folder holds <see cref="RelativePath"/>.</summary>
    public static string RealSeasonPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException($"no {RelativePath} in any folder above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>Parses the file's format: a header line, then comma-separated rows without quoting.</summary>
    public static IReadOnlyList<BoxScore> Parse(IEnumerable<string> lines)
    {
        using var rows = lines.GetEnumerator();
        if (!rows.MoveNext()) throw new InvalidDataException("empty box-score file");
        var column = rows.Current.Split(',')
            .Select((name, index) => (name, index))
            .ToDictionary(c => c.name, c => c.index);

        var games = new List<BoxScore>();
        while (rows.MoveNext())
        {
            if (string.IsNullOrWhiteSpace(rows.Current)) continue;
            var cells = rows.Current.Split(',');
            string Text(string name) => cells[column[name]];
            int Int(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);
            games.Add(new BoxScore
            {
                PlayerName = Text("firstName"),
                PlayerLookup = PlayerSlug.From(Text("firstName")),
                GameDate = DateOnly.ParseExact(Text("gameDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Team = Text("playerteamName"),
                Opponent = Text("opponentteamName"),
                Win = Int("win") == 1,
                Home = Int("home") == 1,
                Minutes = double.Parse(Text("MP"), CultureInfo.InvariantCulture),
                Points = Int("PTS"),
                Assists = Int("AST"),
                Blocks = Int("BLK"),
                Steals = Int("STL"),
                FieldGoalsAttempted = Int("FGA"),
                FieldGoalsMade = Int("FG"),
                ThreesAttempted = Int("3PA"),
                ThreesMade = Int("3PM"),
                FreeThrowsAttempted = Int("FTA"),
                FreeThrowsMade = Int("FTM"),
                Rebounds = Int("TRB"),
                Turnovers = Int("TOV"),
            });
        }
        return games;
    }
}

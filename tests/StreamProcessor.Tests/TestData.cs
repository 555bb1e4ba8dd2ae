namespace StreamProcessor.Tests;

/// <summary>
/// Finds the shared real-data files in place (they are never copied into the project), by
/// walking up from the test binaries until a folder holding <c>shared/data/...</c> appears.
/// </summary>
public static class TestData
{
    private const string BoxScoresRelativePath = "shared/data/box_scores_2024_25_oct_feb.csv";

    private const string PropLinesRelativePath = "shared/data/prop_lines_2024_25_oct_feb.csv";

    private static readonly Lazy<string> BoxScores = new(() => FindUpwards(BoxScoresRelativePath));
    private static readonly Lazy<string> PropLines = new(() => FindUpwards(PropLinesRelativePath));

    /// <summary>Full path of the real 2024-25 box scores (19,036 rows).</summary>
    public static string BoxScoresCsv => BoxScores.Value;

    /// <summary>Full path of the real sportsbook lines of 2024-25 (88,508 rows, October to February).</summary>
    public static string PropLinesCsv => PropLines.Value;

    private static string FindUpwards(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"Could not find '{relativePath}' in {AppContext.BaseDirectory} or any folder above it. " +
            "The tests read the shared data in place: check out the project next to the 'shared' folder " +
            "(e.g. /work/wt-synth beside /work/shared).", relativePath);
    }
}

namespace StreamProcessor.Stream.Data;

/// <summary>The column names of the public box-score file format, shared by the reader and the writer.</summary>
internal static class BoxScoreCsvColumns
{
    public const string Name = "firstName";
    public const string Date = "gameDate";
    public const string Team = "playerteamName";
    public const string Opponent = "opponentteamName";
    public const string Win = "win";
    public const string Home = "home";
    public const string Minutes = "MP";
    public const string Points = "PTS";
    public const string Assists = "AST";
    public const string Blocks = "BLK";
    public const string Steals = "STL";
    public const string FieldGoalsAttempted = "FGA";
    public const string FieldGoalsMade = "FG";
    public const string FieldGoalPercent = "FG%";
    public const string ThreesAttempted = "3PA";
    public const string ThreesMade = "3PM";
    public const string ThreePercent = "3P%";
    public const string FreeThrowsAttempted = "FTA";
    public const string FreeThrowsMade = "FTM";
    public const string FreeThrowPercent = "FT%";
    public const string Rebounds = "TRB";
    public const string Turnovers = "TOV";

    /// <summary>The header in the order of the real file.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        Name, Date, Team, Opponent, Win, Home, Minutes, Points, Assists, Blocks, Steals,
        FieldGoalsAttempted, FieldGoalsMade, FieldGoalPercent, ThreesAttempted, ThreesMade, ThreePercent,
        FreeThrowsAttempted, FreeThrowsMade, FreeThrowPercent, Rebounds, Turnovers,
    ];

    /// <summary>Percentages are derivable from makes and attempts, so a file may leave them out.</summary>
    public static readonly IReadOnlyList<string> Percentages = [FieldGoalPercent, ThreePercent, FreeThrowPercent];

    public static readonly IReadOnlyList<string> Required = Header.Except(Percentages).ToArray();

    public static readonly IReadOnlyList<string> CountingStats =
    [
        Points, Assists, Blocks, Steals, FieldGoalsAttempted, FieldGoalsMade,
        ThreesAttempted, ThreesMade, FreeThrowsAttempted, FreeThrowsMade, Rebounds, Turnovers,
    ];
}

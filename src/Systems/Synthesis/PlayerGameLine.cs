namespace StreamProcessor.Systems.Synthesis;

/// <summary>A player's running totals in one game, added to stint by stint (regulation, then any overtime).</summary>
internal sealed class PlayerGameLine(SyntheticPlayer player)
{
    public SyntheticPlayer Player { get; } = player;
    public double Minutes { get; set; }
    public int FieldGoalsAttempted { get; set; }
    public int ThreesAttempted { get; set; }
    public int TwosMade { get; set; }
    public int ThreesMade { get; set; }
    public int FreeThrowsAttempted { get; set; }
    public int FreeThrowsMade { get; set; }
    public int Rebounds { get; set; }
    public int Assists { get; set; }
    public int Blocks { get; set; }
    public int Steals { get; set; }
    public int Turnovers { get; set; }

    public int FieldGoalsMade => TwosMade + ThreesMade;
    public int Points => 2 * TwosMade + 3 * ThreesMade + FreeThrowsMade;
}

namespace StreamProcessor.Systems.Synthesis;

/// <summary>
/// A team's hidden traits. Defence values multiply what opponents get (below 1 is good
/// defence), so prediction systems have real matchup signal to find.
/// </summary>
internal sealed record SyntheticTeam
{
    public required string Name { get; init; }

    /// <summary>Multiplies the shot volume of both teams in its games (about ±5 %).</summary>
    public required double Pace { get; init; }

    /// <summary>Multiplies opponents' shot volume.</summary>
    public required double OverallDefence { get; init; }

    /// <summary>Multiplies opponents' two-point percentage.</summary>
    public required double TwoPointDefence { get; init; }

    /// <summary>Multiplies opponents' three-point percentage.</summary>
    public required double ThreePointDefence { get; init; }

    /// <summary>Multiplies opponents' free-throw attempts (how much it fouls).</summary>
    public required double FreeThrowDefence { get; init; }

    /// <summary>Ordered by rotation rank: the star first, the deep bench last.</summary>
    public required IReadOnlyList<SyntheticPlayer> Roster { get; init; }
}

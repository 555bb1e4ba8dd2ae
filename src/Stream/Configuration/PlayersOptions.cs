namespace StreamProcessor.Stream.Configuration;

/// <summary><c>players:</c> the player registry that resolves requests' and sportsbooks' names to canonical lookups.</summary>
public sealed record PlayersOptions
{
    /// <summary>The aliases a user keeps (header <c>alias,player_lookup,note</c>), relative to the working directory; absent = none.</summary>
    public string AliasesFile { get; init; } = "config/player-aliases.csv";
}

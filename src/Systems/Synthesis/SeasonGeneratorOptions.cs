using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Synthesis;

/// <summary>What season <see cref="SeasonGenerator"/> invents. The defaults mirror the 2024-25 NBA regular season.</summary>
public sealed record SeasonGeneratorOptions
{
    /// <summary>The only source of randomness: the same seed always gives the same season. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Opening night. Default 2024-10-22.</summary>
    public DateOnly FirstDate { get; init; } = new(2024, 10, 22);

    /// <summary>The last day of the regular season. Default 2025-04-13.</summary>
    public DateOnly LastDate { get; init; } = new(2025, 4, 13);

    /// <summary>Team nicknames, as box-score files name them. Default: the 30 NBA nicknames.</summary>
    public IReadOnlyList<string> Teams { get; init; } = TeamCodes.NbaNicknames;

    /// <summary>Games each team aims to play. Default 82.</summary>
    public int GamesPerTeam { get; init; } = 82;

    /// <summary>Smallest roster drawn for a team. Default 13.</summary>
    public int MinRosterSize { get; init; } = 13;

    /// <summary>Largest roster drawn for a team. Default 17.</summary>
    public int MaxRosterSize { get; init; } = 17;

    internal void Validate()
    {
        if (Teams.Count < 2) throw new ArgumentException("A season needs at least two teams.", nameof(Teams));
        if (Teams.Distinct(StringComparer.OrdinalIgnoreCase).Count() != Teams.Count)
            throw new ArgumentException("Team names must be unique.", nameof(Teams));
        if (LastDate <= FirstDate) throw new ArgumentException("LastDate must come after FirstDate.", nameof(LastDate));
        if (GamesPerTeam < 1) throw new ArgumentException("GamesPerTeam must be at least 1.", nameof(GamesPerTeam));
        if (MinRosterSize < RosterBuilder.RotationSize || MaxRosterSize < MinRosterSize)
            throw new ArgumentException(
                $"Rosters need at least {RosterBuilder.RotationSize} players and MaxRosterSize >= MinRosterSize.", nameof(MinRosterSize));
    }
}

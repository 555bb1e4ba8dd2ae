namespace StreamProcessor.Systems.Synthesis;

/// <summary>A player's hidden traits: what the generated box scores are noisy draws of.</summary>
internal sealed record SyntheticPlayer
{
    /// <summary>League-wide index, for per-player state such as injuries.</summary>
    public required int Id { get; init; }
    public required string Name { get; init; }

    /// <summary>0 is the team's star; ranks below <see cref="RosterBuilder.RotationSize"/> play every game they are fit for.</summary>
    public required int RotationRank { get; init; }
    public required double MeanMinutes { get; init; }

    /// <summary>Chance of getting on the floor when fit: 1 for the rotation, lower for the deep bench.</summary>
    public required double AppearanceChance { get; init; }

    public required double FieldGoalAttemptsPerMinute { get; init; }
    public required double ThreePointShare { get; init; }
    public required double TwoPointPercentage { get; init; }
    public required double ThreePointPercentage { get; init; }
    public required double FreeThrowAttemptsPerMinute { get; init; }
    public required double FreeThrowPercentage { get; init; }
    public required double ReboundsPerMinute { get; init; }
    public required double AssistsPerMinute { get; init; }
    public required double BlocksPerMinute { get; init; }
    public required double StealsPerMinute { get; init; }
    public required double TurnoversPerMinute { get; init; }

    public required PlayerForm Form { get; init; }

    public bool IsRotation => RotationRank < RosterBuilder.RotationSize;
}

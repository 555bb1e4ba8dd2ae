namespace StreamProcessor.Systems.Synthesis;

/// <summary>One game on the generated calendar.</summary>
internal sealed record ScheduledGame(DateOnly Date, SyntheticTeam Home, SyntheticTeam Away);

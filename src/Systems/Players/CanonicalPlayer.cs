namespace StreamProcessor.Systems.Players;

/// <summary>A player as the box scores know him: the lookup every row is written under, and his name.</summary>
public sealed record CanonicalPlayer(string Lookup, string Name);

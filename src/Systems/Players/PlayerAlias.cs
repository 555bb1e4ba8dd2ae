namespace StreamProcessor.Systems.Players;

/// <summary>Another name a player goes by (a nickname a sportsbook uses, a former spelling), and whose lookup it is.</summary>
public sealed record PlayerAlias(string Alias, string Lookup);

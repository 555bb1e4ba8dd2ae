namespace StreamProcessor.Systems.Market;

/// <summary>One book's line for a player, date and prop, with its over and under prices (American odds).</summary>
public sealed record BookLine(string Bookmaker, double Line, double OverPrice, double UnderPrice);

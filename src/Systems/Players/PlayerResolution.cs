namespace StreamProcessor.Systems.Players;

/// <summary>What a name resolved to: a canonical lookup, or why not (with the candidates a person would check).</summary>
public sealed record PlayerResolution(PlayerMatch Match, string? Lookup, IReadOnlyList<string> Candidates)
{
    public bool Resolved => Lookup is not null;
}

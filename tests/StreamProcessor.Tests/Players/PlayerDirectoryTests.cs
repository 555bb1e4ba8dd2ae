using StreamProcessor.Systems.Players;

namespace StreamProcessor.Tests.Players;

public class PlayerDirectoryTests
{
    private static readonly PlayerDirectory Directory = new(
    [
        new CanonicalPlayer("royce-oneale", "Royce O'Neale"),
        new CanonicalPlayer("tj-mcconnell", "T.J. McConnell"),
        new CanonicalPlayer("jaren-jackson-jr", "Jaren Jackson Jr."),
        new CanonicalPlayer("nikola-jokic", "Nikola Jokić"),
        new CanonicalPlayer("herbert-jones", "Herbert Jones"),
        new CanonicalPlayer("jalen-williams", "Jalen Williams"),
        new CanonicalPlayer("jaylin-williams", "Jaylin Williams"),
        // two players whose names differ only in punctuation: any other spelling is ambiguous
        new CanonicalPlayer("de-andre-smith", "De-Andre Smith"),
        new CanonicalPlayer("deandre-smith", "DeAndre Smith"),
    ],
    [new PlayerAlias("Herb Jones", "herbert-jones"), new PlayerAlias("Big Honey", "nobody-we-know")]);

    [Theory]
    [InlineData("royce-o-neale", "royce-oneale")]
    [InlineData("Royce O’Neale", "royce-oneale")]
    [InlineData("t-j-mcconnell", "tj-mcconnell")]
    [InlineData("T.J. McConnell", "tj-mcconnell")]
    [InlineData("jaren-jackson", "jaren-jackson-jr")]
    [InlineData("Jaren Jackson Jr", "jaren-jackson-jr")]
    [InlineData("jaren-jackson-iii", "jaren-jackson-jr")]
    [InlineData("Nikola Jokic", "nikola-jokic")]
    [InlineData("NIKOLA JOKIĆ", "nikola-jokic")]
    public void Spellings_that_differ_in_punctuation_accents_case_or_suffix_resolve_to_the_canonical_lookup(string name, string lookup)
    {
        var resolution = Directory.Resolve(name);

        Assert.Equal(PlayerMatch.Normalised, resolution.Match);
        Assert.Equal(lookup, resolution.Lookup);
    }

    [Fact]
    public void A_canonical_lookup_resolves_as_it_stands_even_when_its_key_is_shared()
    {
        Assert.Equal(new PlayerResolution(PlayerMatch.Exact, "deandre-smith", []), Directory.Resolve("deandre-smith") with { Candidates = [] });
        Assert.Equal("de-andre-smith", Directory.Resolve("de-andre-smith").Lookup);
    }

    [Fact]
    public void A_known_alias_resolves_and_an_alias_to_an_unknown_player_is_reported()
    {
        var resolution = Directory.Resolve("herb-jones");

        Assert.Equal(PlayerMatch.Alias, resolution.Match);
        Assert.Equal("herbert-jones", resolution.Lookup);
        Assert.Equal([new PlayerAlias("Big Honey", "nobody-we-know")], Directory.UnknownAliasTargets);
        Assert.Equal(PlayerMatch.Unknown, Directory.Resolve("big-honey").Match);
    }

    [Fact]
    public void Two_players_who_normalise_alike_are_reported_never_guessed()
    {
        var resolution = Directory.Resolve("De'Andre Smith");

        Assert.Equal(PlayerMatch.Ambiguous, resolution.Match);
        Assert.Null(resolution.Lookup);
        Assert.Equal(["de-andre-smith", "deandre-smith"], resolution.Candidates);
        Assert.Contains(Directory.Collisions, c => c.SequenceEqual(["de-andre-smith", "deandre-smith"]));
    }

    [Fact]
    public void An_unknown_player_comes_with_the_closest_known_lookups()
    {
        var resolution = Directory.Resolve("jalin-williams");

        Assert.Equal(PlayerMatch.Unknown, resolution.Match);
        Assert.Null(resolution.Lookup);
        Assert.Equal(3, resolution.Candidates.Count);
        Assert.Equal(["jalen-williams", "jaylin-williams"], resolution.Candidates.Take(2).Order());
    }
}

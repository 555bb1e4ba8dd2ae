namespace StreamProcessor.Stream.Cli;

/// <summary>
/// One verb of the command line and everything it takes. The help text and the check of a command line are both
/// made from this one declaration, so they cannot drift apart.
/// </summary>
public sealed record Verb(string Name, string Summary, IReadOnlyList<VerbOption> Options)
{
    /// <summary>Rejects an option or flag this verb does not take, naming the ones it does.</summary>
    public void Check(Arguments arguments)
    {
        var takes = Options.Concat(Verbs.Global).ToArray();
        var unknown = arguments.OptionNames.Select(n => (Name: n, Flag: false))
            .Concat(arguments.FlagNames.Select(n => (Name: n, Flag: true)))
            .FirstOrDefault(given => !takes.Any(t => t.Name == given.Name && t.IsFlag == given.Flag));
        if (unknown.Name is null) return;
        var known = takes.FirstOrDefault(t => t.Name == unknown.Name);
        var why = known is null ? "does not take" : known.IsFlag ? "takes no value after" : "needs a value after";
        throw new UsageException(
            $"{Name} {why} --{unknown.Name}; it takes {string.Join(", ", takes.Select(t => t.Usage))}");
    }
}

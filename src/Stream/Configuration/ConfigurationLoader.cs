using Microsoft.Extensions.Configuration;

namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// Reads <c>config.yaml</c> and <c>STREAM_</c>-prefixed environment variables (sections joined by <c>__</c>,
/// e.g. <c>STREAM_PIPELINE__WRITE_BATCH_SIZE=64</c>) into <see cref="StreamOptions"/>, and checks all of it: every key
/// names an option, every value is of its kind and within its range (<see cref="ConfigurationRules"/>). Whatever is
/// wrong is reported at once, one <see cref="ConfigurationProblem"/> per line naming the file (or variable) and key.
/// </summary>
public static class ConfigurationLoader
{
    public const string DefaultFileName = "config.yaml";
    public const string EnvironmentPrefix = "STREAM_";

    /// <param name="path">An explicit file (must exist), or null to use ./config.yaml when present and the defaults otherwise.</param>
    public static StreamOptions Load(string? path, IDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder();
        var file = path ?? (File.Exists(DefaultFileName) ? DefaultFileName : null);
        if (path is not null && !File.Exists(path)) throw new ConfigurationException($"config file not found: {path}");
        if (file is not null) builder.Add(new YamlConfigurationSource(Path.GetFullPath(file)));
        if (environment is null) builder.AddEnvironmentVariables(EnvironmentPrefix);
        else builder.AddInMemoryCollection(environment
            .Where(kv => kv.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(kv => KeyValuePair.Create(kv.Key[EnvironmentPrefix.Length..].Replace("__", ":"), kv.Value)));

        IConfigurationRoot raw;
        try
        {
            raw = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException($"cannot read configuration: {e.Message}", e);
        }

        string SourceOf(string key)
        {
            // The provider that set this key, or (for a section such as a map entry) a key below it.
            var provider = raw.Providers.LastOrDefault(p => p.TryGet(key, out _) || p.GetChildKeys([], key).Any());
            return provider is YamlConfigurationProvider || provider is null && file is not null
                ? file ?? DefaultFileName
                : provider is null ? "the defaults" : $"environment variable {EnvironmentPrefix}{key.Replace(":", "__").ToUpperInvariant()}";
        }

        var checkedKeys = raw.AsEnumerable().Where(kv => kv.Value is not null)
            .Select(kv => (kv.Key, kv.Value, Problem: ConfigurationKeys.Check(kv.Key, kv.Value!, typeof(StreamOptions))))
            .ToArray();
        var problems = checkedKeys.Where(x => x.Problem is not null)
            .Select(x => new ConfigurationProblem(SourceOf(x.Key), ConfigurationKeys.Display(x.Key.Split(':')), x.Problem!))
            .ToList();

        // The rest is bound (a bad key left at its default) so that the range rules can report theirs in the same go.
        var normalized = new ConfigurationBuilder()
            .AddInMemoryCollection(checkedKeys.Where(x => x.Problem is null)
                .Select(x => KeyValuePair.Create(SnakeCaseKeys.Normalize(x.Key, typeof(StreamOptions)), x.Value)))
            .Build();
        StreamOptions options;
        try
        {
            options = normalized.Get<StreamOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new StreamOptions();
        }
        catch (InvalidOperationException e)
        {
            // Every key and value was checked above; should the binder still object, say so without its internals.
            throw new ConfigurationException($"{file ?? "configuration"}: cannot be used: {e.InnerException?.Message ?? e.Message}", e);
        }

        problems.AddRange(ConfigurationRules.Check(options)
            .Select(r => new ConfigurationProblem(SourceOf(r.Key.Replace('.', ':')), r.Key, r.Problem)));
        if (problems.Count > 0) throw new ConfigurationException(problems.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
        return options;
    }
}

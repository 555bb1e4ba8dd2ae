using Microsoft.Extensions.Configuration;

namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// Reads <c>config.yaml</c> and <c>STREAM_</c>-prefixed environment variables (sections joined by <c>__</c>,
/// e.g. <c>STREAM_PIPELINE__WRITE_BATCH_SIZE=64</c>) into <see cref="StreamOptions"/>. Keys are snake_case;
/// a key that matches no option is an error rather than a silently ignored typo.
/// </summary>
public static class ConfigurationLoader
{
    public const string DefaultFileName = "config.yaml";
    public const string EnvironmentPrefix = "STREAM_";

    /// <param name="path">An explicit file (must exist), or null to use ./config.yaml when present and the defaults otherwise.</param>
    public static StreamOptions Load(string? path, IDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            if (!File.Exists(path)) throw new ConfigurationException($"config file not found: {path}");
            builder.Add(new YamlConfigurationSource(Path.GetFullPath(path)));
        }
        else if (File.Exists(DefaultFileName))
        {
            builder.Add(new YamlConfigurationSource(Path.GetFullPath(DefaultFileName)));
        }
        if (environment is null) builder.AddEnvironmentVariables(EnvironmentPrefix);
        else builder.AddInMemoryCollection(environment
            .Where(kv => kv.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(kv => KeyValuePair.Create(kv.Key[EnvironmentPrefix.Length..].Replace("__", ":"), kv.Value)));

        IConfiguration raw;
        try
        {
            raw = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException($"cannot read configuration: {e.Message}", e);
        }

        var normalized = new ConfigurationBuilder()
            .AddInMemoryCollection(raw.AsEnumerable().Where(kv => kv.Value is not null)
                .Select(kv => KeyValuePair.Create(SnakeCaseKeys.Normalize(kv.Key, typeof(StreamOptions)), kv.Value)))
            .Build();
        try
        {
            return normalized.Get<StreamOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new StreamOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"invalid configuration: {e.Message}", e);
        }
    }
}

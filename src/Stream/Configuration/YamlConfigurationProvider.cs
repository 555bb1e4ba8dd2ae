using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// Flattens a YAML file into configuration keys (<c>pipeline:write_batch_size</c>); sequences become
/// indexed keys (<c>a:0</c>, <c>a:1</c>) as the binder expects. Empty values and <c>{}</c> add nothing.
/// </summary>
internal sealed class YamlConfigurationProvider(string path) : ConfigurationProvider
{
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException($"{path}: line {e.Start.Line}: {e.Message}", e);
        }
        if (stream.Documents.Count > 0) Flatten(stream.Documents[0].RootNode, null, data);
        Data = data;
    }

    private static void Flatten(YamlNode node, string? prefix, IDictionary<string, string?> data)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                    Flatten(value, Join(prefix, ((YamlScalarNode)key).Value!), data);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++) Flatten(sequence.Children[i], Join(prefix, i.ToString()), data);
                break;
            case YamlScalarNode scalar when prefix is not null:
                if (!string.IsNullOrEmpty(scalar.Value) || scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                    data[prefix] = scalar.Value;
                break;
        }
    }

    private static string Join(string? prefix, string key) => prefix is null ? key : prefix + ConfigurationPath.KeyDelimiter + key;
}

internal sealed class YamlConfigurationSource(string path) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new YamlConfigurationProvider(path);
}

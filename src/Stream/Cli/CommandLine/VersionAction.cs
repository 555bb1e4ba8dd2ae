using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Stream.Cli.CommandLine;

/// <summary><c>stream --version</c>: the product's version and the feature version its models expect.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Text
    {
        get
        {
            var assembly = typeof(VersionAction).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                          ?? assembly.GetName().Version?.ToString(3) ?? "unknown";
            return $"stream {version} (features {FeatureCatalog.Version}; models are trained on and require features {FeatureCatalog.Version})";
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Text);
        return 0;
    }
}

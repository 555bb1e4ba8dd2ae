using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace StreamProcessor.Tests.Service;

/// <summary>The alert rules' own unit tests, run by promtool (Debian's prometheus package; .ci/run installs it).</summary>
public class AlertRuleTests
{
    private const string TestFile = "deploy/prometheus-alerts.test.yaml";

    [Fact]
    public async Task Promtool_finds_every_alert_firing_on_its_series_and_quiet_on_healthy_ones()
    {
        var start = new ProcessStartInfo("promtool")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "test", "rules", TestFile }) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"promtool is not installed ({e.Message}): apt-get install prometheus (.ci/run does)");
            return;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var transcript = await output + await error;
            Assert.True(process.ExitCode == 0, $"promtool test rules failed:\n{transcript}");
            Assert.Contains("SUCCESS", transcript);
        }
    }

    [Fact]
    public void Every_alert_has_a_case_where_it_fires_and_one_where_it_stays_quiet()
    {
        var alerts = Load("deploy/prometheus-alerts.yaml")["groups"].AllNodes.OfType<YamlMappingNode>()
            .Where(n => n.Children.ContainsKey("alert")).Select(n => ((YamlScalarNode)n["alert"]).Value!).ToHashSet();
        var cases = Load(TestFile)["tests"].AllNodes.OfType<YamlMappingNode>().Where(n => n.Children.ContainsKey("alertname"))
            .Select(n => (Alert: ((YamlScalarNode)n["alertname"]).Value!, Fires: ((YamlSequenceNode)n["exp_alerts"]).Children.Count > 0))
            .ToArray();

        Assert.Equal(9, alerts.Count);
        foreach (var alert in alerts)
        {
            Assert.Contains((alert, true), cases);
            Assert.Contains((alert, false), cases);
        }
    }

    private static YamlMappingNode Load(string relative)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryFiles.Path(relative))) yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}

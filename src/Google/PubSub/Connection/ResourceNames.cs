namespace StreamProcessor.Google.PubSub.Connection;

/// <summary>Full Pub/Sub resource names from what a user writes: a full name, or a short one in GOOGLE_CLOUD_PROJECT.</summary>
public static class ResourceNames
{
    public static string Subscription(string name, string? project) => Qualify(name, "subscriptions", project);

    public static string Topic(string name, string? project) => Qualify(name, "topics", project);

    private static string Qualify(string name, string collection, string? project)
    {
        name = name.Trim();
        if (name.StartsWith("projects/", StringComparison.Ordinal))
        {
            var parts = name.Split('/');
            if (parts.Length != 4 || parts[2] != collection || parts[1].Length == 0 || parts[3].Length == 0)
                throw new ArgumentException($"expected projects/PROJECT/{collection}/NAME, got \"{name}\"");
            return name;
        }
        if (name.Length == 0 || name.Contains('/'))
            throw new ArgumentException($"expected projects/PROJECT/{collection}/NAME or a bare name, got \"{name}\"");
        if (string.IsNullOrWhiteSpace(project))
            throw new ArgumentException($"\"{name}\" is not a full name (projects/PROJECT/{collection}/NAME) and GOOGLE_CLOUD_PROJECT is not set");
        return $"projects/{project}/{collection}/{name}";
    }
}

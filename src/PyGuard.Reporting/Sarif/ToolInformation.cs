namespace PyGuard.Reporting.Sarif;

/// <summary>What SARIF's <c>tool.driver</c> says about PyGuard itself.</summary>
internal static class ToolInformation
{
    public const string Name = "PyGuard";

    /// <summary>
    /// The project has no public address yet, so the tool is identified by a URN rather than by a link
    /// that could one day lead somewhere else; replace it with the project's page once there is one.
    /// </summary>
    public static Uri InformationUri { get; } = new("urn:pyguard", UriKind.Absolute);

    /// <summary>The version the build stamps on the assemblies (Directory.Build.props), major.minor.patch as SemVer wants it.</summary>
    public static string SemanticVersion { get; } = typeof(ToolInformation).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}

using System.Reflection;

namespace PyGuard.Analyzers.Catalogs;

/// <summary>Reads the files of rules/catalog that are embedded in this assembly.</summary>
internal static class CatalogResources
{
    public static string Read(string fileName)
    {
        var name = "PyGuard.Catalog." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"catalog {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The non-empty, non-comment lines of a text catalog.</summary>
    public static IEnumerable<string> Lines(string fileName) =>
        Read(fileName).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}

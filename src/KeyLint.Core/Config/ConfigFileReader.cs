using System.Collections.Generic;

namespace KeyLint.Core.Config;

/// <summary>Reads the settings of a config file of any kind KeyLint reads.</summary>
public static class ConfigFileReader
{
    public static List<ConfigEntry> Read(ConfigFileKind kind, string text, System.Threading.CancellationToken cancellationToken = default)
    {
        return kind switch
        {
            ConfigFileKind.Json => JsonConfigReader.Read(text),
            ConfigFileKind.Yaml => YamlReader.Read(text, cancellationToken),
            ConfigFileKind.DotEnv => DotEnvReader.Read(text, cancellationToken),
            ConfigFileKind.Ini => IniReader.Read(text, cancellationToken),
            ConfigFileKind.Xml => XmlConfigReader.Read(text),
            _ => new List<ConfigEntry>(),
        };
    }
}

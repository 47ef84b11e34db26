using System.Collections.Generic;

namespace KeyLint.Core.Config;

/// <summary>Reads the settings of a config file of any kind KeyLint reads.</summary>
public static class ConfigFileReader
{
    public static List<ConfigEntry> Read(ConfigFileKind kind, string text)
    {
        return kind switch
        {
            ConfigFileKind.Json => JsonConfigReader.Read(text),
            ConfigFileKind.Yaml => YamlReader.Read(text),
            ConfigFileKind.DotEnv => DotEnvReader.Read(text),
            ConfigFileKind.Ini => IniReader.Read(text),
            ConfigFileKind.Xml => XmlConfigReader.Read(text),
            _ => new List<ConfigEntry>(),
        };
    }
}

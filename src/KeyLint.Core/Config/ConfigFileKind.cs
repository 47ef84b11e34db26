using System;
using System.IO;

namespace KeyLint.Core.Config;

/// <summary>The config formats KeyLint reads.</summary>
public enum ConfigFileKind
{
    Unknown,
    Json,
    Yaml,
    DotEnv,
    Ini,
    Xml,
    PrivateKey,
}

/// <summary>Tells a config file's format from its name.</summary>
public static class ConfigFileKinds
{
    public static ConfigFileKind FromPath(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (IsLockOrBuildFile(name))
        {
            return ConfigFileKind.Unknown;
        }

        switch (extension)
        {
            case ".json":
                return ConfigFileKind.Json;
            case ".yml":
            case ".yaml":
                return ConfigFileKind.Yaml;
            case ".env":
                return ConfigFileKind.DotEnv;
            case ".ini":
                return ConfigFileKind.Ini;
            case ".config":
                return ConfigFileKind.Xml;
            case ".pem":
            case ".key":
                return ConfigFileKind.PrivateKey;
        }

        if (name.Equals(".env", StringComparison.OrdinalIgnoreCase) ||
            name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigFileKind.DotEnv;
        }

        return name is "id_rsa" or "id_ed25519" or "id_ecdsa" or "id_dsa" ? ConfigFileKind.PrivateKey : ConfigFileKind.Unknown;
    }

    /// <summary>Lock and build outputs carry hashes and paths, never settings a person wrote.</summary>
    public static bool IsLockOrBuildFile(string name)
    {
        return name.Equals("packages.lock.json", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("project.assets.json", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) ||
            name.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("package-lock.json", StringComparison.OrdinalIgnoreCase);
    }
}

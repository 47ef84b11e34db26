using System;
using System.Collections.Generic;

namespace KeyLint.Core.Baseline;

/// <summary>
/// Paths in the baseline file: relative to the folder of the baseline file, with <c>/</c> as the separator on every
/// operating system, so that one baseline works on Windows, Linux and macOS checkouts.
/// </summary>
public static class BaselinePaths
{
    /// <summary>Returns the folder part of <paramref name="filePath"/>, or an empty string when it has none.</summary>
    public static string DirectoryOf(string filePath)
    {
        var normalized = Normalize(filePath);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? string.Empty : normalized.Substring(0, slash);
    }

    /// <summary>
    /// Returns <paramref name="path"/> relative to <paramref name="directory"/>, climbing with <c>..</c> where it
    /// lies outside. A path on another drive or root stays absolute.
    /// </summary>
    public static string Relative(string directory, string path)
    {
        var target = Normalize(path);
        var root = Normalize(directory).TrimEnd('/');
        if (root.Length == 0)
        {
            return target;
        }

        if (target.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase))
        {
            return target.Substring(root.Length + 1);
        }

        var rootSegments = root.Split('/');
        var targetSegments = target.Split('/');
        var common = 0;
        while (common < rootSegments.Length && common < targetSegments.Length - 1 &&
            rootSegments[common].Equals(targetSegments[common], StringComparison.OrdinalIgnoreCase))
        {
            common++;
        }

        // Nothing in common but the empty segment before a leading slash: another root, so the path stays absolute.
        if (common == 0 || (common == 1 && rootSegments[0].Length == 0))
        {
            return target;
        }

        var parts = new List<string>();
        for (var i = common; i < rootSegments.Length; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < targetSegments.Length; i++)
        {
            parts.Add(targetSegments[i]);
        }

        return string.Join("/", parts);
    }

    /// <summary>Replaces backslashes by slashes and removes <c>./</c> segments.</summary>
    public static string Normalize(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(2);
        }

        while (normalized.IndexOf("/./", StringComparison.Ordinal) >= 0)
        {
            normalized = normalized.Replace("/./", "/");
        }

        return normalized;
    }
}

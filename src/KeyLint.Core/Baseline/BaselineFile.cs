using System;
using System.Collections.Generic;
using KeyLint.Core.Json;

namespace KeyLint.Core.Baseline;

/// <summary>One accepted finding: the rule, the file relative to the baseline, and the fingerprint of the value.</summary>
public sealed class BaselineEntry
{
    public BaselineEntry(string rule, string path, string fingerprint, int offset)
    {
        Rule = rule;
        Path = path;
        Fingerprint = fingerprint;
        Offset = offset;
    }

    public string Rule { get; }

    public string Path { get; }

    public string Fingerprint { get; }

    /// <summary>Offset of the entry in the baseline file's text, where a stale entry is reported.</summary>
    public int Offset { get; }
}

/// <summary>A problem in the baseline file, as a sentence without a final period, and the offset of the text it concerns.</summary>
public sealed class BaselineError
{
    public BaselineError(string message, int offset)
    {
        Message = message;
        Offset = offset;
    }

    public string Message { get; }

    public int Offset { get; }
}

/// <summary>
/// The parsed <c>keylint.baseline.json</c>: the findings a team accepts for now. The file never contains a secret,
/// only fingerprints:
/// <code>
/// { "version": 1, "findings": [ { "rule": "KL0001", "path": "Exchanges/Binance.cs", "fingerprint": "0f3c9a1b2d4e5f60" } ] }
/// </code>
/// Invalid entries are left out and described in <see cref="Errors"/>, so one typo does not void the others.
/// </summary>
public sealed class BaselineFile
{
    public const string DefaultFileName = "keylint.baseline.json";

    private BaselineFile(IReadOnlyList<BaselineEntry> entries, IReadOnlyList<BaselineError> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public IReadOnlyList<BaselineError> Errors { get; }

    /// <summary>
    /// Parses a baseline document. Invalid input gives errors, not exceptions: the JSON reader rejects nesting deeper
    /// than its maximum, and a seeded test feeds 5,000 random texts.
    /// </summary>
    public static BaselineFile Parse(string json)
    {
        var entries = new List<BaselineEntry>();
        var errors = new List<BaselineError>();
        if (!JsonReader.TryParse(json, out var root, out var error, out var offset))
        {
            errors.Add(new BaselineError($"The baseline is not valid JSON at offset {offset}: {error}", offset));
            return new BaselineFile(entries, errors);
        }

        var findings = root!.Kind == JsonKind.Object ? root.Get("findings") : null;
        if (findings is null || findings.Kind != JsonKind.Array)
        {
            errors.Add(new BaselineError("The baseline has no \"findings\" array", root.Start));
            return new BaselineFile(entries, errors);
        }

        for (var i = 0; i < findings.Items.Count; i++)
        {
            var item = findings.Items[i];
            var rule = item.Kind == JsonKind.Object ? item.Get("rule") : null;
            var path = item.Kind == JsonKind.Object ? item.Get("path") : null;
            var fingerprint = item.Kind == JsonKind.Object ? item.Get("fingerprint") : null;
            if (rule?.Kind != JsonKind.String || path?.Kind != JsonKind.String || fingerprint?.Kind != JsonKind.String ||
                rule.Text!.Length == 0 || path.Text!.Length == 0)
            {
                errors.Add(new BaselineError(
                    $"Finding #{i + 1} needs the string properties rule, path and fingerprint", item.Start));
                continue;
            }

            if (!Fingerprint.IsWellFormed(fingerprint.Text!))
            {
                // The text is not echoed: a user may have pasted the secret itself here.
                errors.Add(new BaselineError(
                    $"Finding #{i + 1} has an invalid fingerprint: it must be {Fingerprint.Length} lower-case " +
                    "hexadecimal digits", fingerprint.Start));
                continue;
            }

            entries.Add(new BaselineEntry(rule.Text!, BaselinePaths.Normalize(path.Text!), fingerprint.Text!, item.Start));
        }

        return new BaselineFile(entries, errors);
    }

    /// <summary>Returns the key under which an entry and a finding are compared.</summary>
    public static string KeyOf(string rule, string path, string fingerprint) => rule + "\n" + path + "\n" + fingerprint;

    /// <summary>Tells whether a file name is the default baseline file name, compared without case.</summary>
    public static bool IsDefaultName(string fileName) => fileName.Equals(DefaultFileName, StringComparison.OrdinalIgnoreCase);
}

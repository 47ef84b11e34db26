using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using KeyLint.Core.Baseline;
using KeyLint.Core.Detection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers;

/// <summary>
/// Applies the baseline file to one analyzer's findings in one compilation. A finding whose rule, file and
/// fingerprint an entry lists is not reported. At the end of the compilation the analyzer reports the entries it
/// owns that matched nothing, so the baseline shrinks as leaks are fixed.
/// </summary>
/// <remarks>
/// In update mode (the MSBuild property <c>KeyLintUpdateBaseline=true</c>) the baseline is ignored and each finding
/// is reported as a KL9006 note that carries its entry, with the file's full path, in
/// <see cref="BaselineEntryProperty"/>. The package's MSBuild target reads those notes from the SARIF log and writes
/// the file. The notes replace the findings, so a rule
/// configured as an error does not fail that build.
/// </remarks>
internal sealed class BaselineMatcher
{
    public const string UpdateProperty = "build_property.KeyLintUpdateBaseline";
    public const string FileProperty = "build_property.KeyLintBaselineFile";

    /// <summary>The item metadata with which the package marks the baseline among the additional files.</summary>
    public const string FileMetadata = "build_metadata.AdditionalFiles.KeyLintBaseline";

    /// <summary>The diagnostic property that carries a recorded entry as <c>rule|full path|fingerprint</c>.</summary>
    public const string BaselineEntryProperty = "KeyLint.BaselineEntry";

    // The IDE keeps the SourceText of an unchanged file across edits, so the file is parsed once per version.
    private static readonly ConditionalWeakTable<SourceText, Parsed> Cache = new();

    private readonly Compilation _compilation;
    private readonly string _directory;
    private readonly Parsed? _parsed;
    private readonly AdditionalText? _file;
    // Matches per entry: the only mutable state. Concurrent node and file actions add with Interlocked, and the
    // compilation-end action, which runs after all of them, reads the counts.
    private readonly int[]? _matches;

    // The additional files' paths relative to the baseline: a KL0003 or KL0005 entry for one of them belongs to
    // ConfigFileAnalyzer, any other to BotSettingsAnalyzer, whatever the file's extension.
    private readonly HashSet<string> _additionalPaths = new(StringComparer.OrdinalIgnoreCase);

    private BaselineMatcher(
        Compilation compilation, AnalyzerOptions options, string directory, AdditionalText? file, Parsed? parsed, bool isUpdate)
    {
        _compilation = compilation;
        _directory = directory;
        _file = file;
        _parsed = parsed;
        _matches = parsed is null ? null : new int[parsed.File.Entries.Count];
        IsUpdate = isUpdate;
        if (parsed is not null)
        {
            foreach (var additional in options.AdditionalFiles)
            {
                _additionalPaths.Add(BaselinePaths.Relative(directory, additional.Path));
            }
        }
    }

    public bool IsUpdate { get; }

    /// <summary>Tells whether the compilation has a baseline whose stale entries must be reported at its end.</summary>
    public bool HasEntries => _parsed is { File.Entries.Count: > 0 };

    /// <summary>
    /// Creates the matcher for a compilation, or returns null when the project has neither a baseline nor update
    /// mode, which leaves the report path as it was.
    /// </summary>
    public static BaselineMatcher? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var isUpdate = global.TryGetValue(UpdateProperty, out var update) &&
            update.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        global.TryGetValue(FileProperty, out var configuredPath);
        if (isUpdate)
        {
            return new BaselineMatcher(compilation, options, string.Empty, null, null, isUpdate: true);
        }

        var file = FindFile(options, configuredPath);
        if (file?.GetText(cancellationToken) is not { } text)
        {
            return null;
        }

        var parsed = ParsedOf(text);
        return new BaselineMatcher(compilation, options, BaselinePaths.DirectoryOf(file.Path), file, parsed, isUpdate: false);
    }

    /// <summary>Tells whether <paramref name="file"/> is the baseline of this project.</summary>
    public static bool IsBaselineFile(AdditionalText file, AnalyzerOptions options)
    {
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FileProperty, out var configuredPath);
        return IsMarked(file, options) || IsBaselinePath(file.Path, configuredPath);
    }

    /// <summary>Tells whether the analyzer <paramref name="owner"/> reports <paramref name="entry"/> when it is stale.</summary>
    public bool IsOwnedBy(BaselineOwner owner, BaselineEntry entry)
    {
        var actual = IsRule(entry, DiagnosticIds.KnownKeyFormat) || IsRule(entry, DiagnosticIds.HighEntropySecret)
            ? BaselineOwner.HardcodedSecret
            : (IsRule(entry, DiagnosticIds.WithdrawalPermission) || IsRule(entry, DiagnosticIds.OpenIpAllowlist)) &&
                !_additionalPaths.Contains(entry.Path)
                ? BaselineOwner.BotSettings
                : BaselineOwner.ConfigFile;
        return actual == owner;
    }

    private static bool IsRule(BaselineEntry entry, string id) => entry.Rule.Equals(id, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the baseline file and returns its problems, for KL9003.</summary>
    public static IReadOnlyList<BaselineError> ProblemsOf(SourceText text) =>
        ParsedOf(text).File.Errors;

    private static Parsed ParsedOf(SourceText text) => Cache.GetValue(text, t => new Parsed(BaselineFile.Parse(t.ToString())));

    /// <summary>
    /// Reports <paramref name="diagnostic"/> unless the baseline accepts it. The fingerprint comes from the
    /// diagnostic's <see cref="FixProperties.Fingerprint"/> property.
    /// </summary>
    public static void Report(BaselineMatcher? baseline, Diagnostic diagnostic, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (baseline is null || !diagnostic.Properties.TryGetValue(FixProperties.Fingerprint, out var fingerprint) || fingerprint is null)
        {
            report(diagnostic);
            return;
        }

        var rule = diagnostic.Id;
        var filePath = diagnostic.Location.GetLineSpan().Path;
        if (baseline.IsUpdate)
        {
            if (!baseline.IsSuppressed(rule, diagnostic.Location.SourceTree, cancellationToken))
            {
                report(Record(diagnostic, rule, BaselinePaths.Normalize(filePath), fingerprint));
            }

            return;
        }

        var path = BaselinePaths.Relative(baseline._directory, filePath);
        if (baseline._parsed!.Index.TryGetValue(BaselineFile.KeyOf(rule, path, fingerprint), out var entries))
        {
            foreach (var index in entries)
            {
                System.Threading.Interlocked.Increment(ref baseline._matches![index]);
            }

            return;
        }

        report(diagnostic);
    }

    /// <summary>Reports KL9004 at every entry that <paramref name="owner"/> owns and that matched no finding.</summary>
    public void ReportStale(BaselineOwner owner, Action<Diagnostic> report)
    {
        if (_parsed is null || _file?.GetText() is not { } text)
        {
            return;
        }

        var entries = _parsed.File.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (System.Threading.Volatile.Read(ref _matches![i]) > 0 || !IsOwnedBy(owner, entry))
            {
                continue;
            }

            var span = TextSpans.CharacterAt(text, entry.Offset);
            var location = Location.Create(_file.Path, span, text.Lines.GetLinePositionSpan(span));
            // A user may have typed a key into the rule or the path, so only a KeyLint id is shown whole.
            var rule = IsKeyLintId(entry.Rule) ? entry.Rule : "an unknown rule";
            report(Diagnostic.Create(BaselineRules.StaleEntryRule, location, rule, Redaction.DescribeName(entry.Path, scanner: null)));
        }
    }

    // The entry carries the full path. The MSBuild target has the baseline's real location and makes the path relative
    // to it. The analyzer cannot, because a path in the generated .editorconfig is cut at '#' or ';'.
    private static Diagnostic Record(Diagnostic diagnostic, string rule, string fullPath, string fingerprint)
    {
        var entry = rule + "|" + fullPath + "|" + fingerprint;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(BaselineEntryProperty, entry);
        return Diagnostic.Create(BaselineRules.RecordedFindingRule, diagnostic.Location, properties, rule, fingerprint);
    }

    // A rule turned off for this file needs no entry: severity none in .editorconfig, .globalconfig or the project.
    private bool IsSuppressed(string rule, SyntaxTree? tree, CancellationToken cancellationToken)
    {
        var options = _compilation.Options;
        if (options.SyntaxTreeOptionsProvider is { } provider)
        {
            if (tree is not null && provider.TryGetDiagnosticValue(tree, rule, cancellationToken, out var perTree))
            {
                return perTree == ReportDiagnostic.Suppress;
            }

            if (provider.TryGetGlobalDiagnosticValue(rule, cancellationToken, out var global))
            {
                return global == ReportDiagnostic.Suppress;
            }
        }

        return options.SpecificDiagnosticOptions.TryGetValue(rule, out var specific) && specific == ReportDiagnostic.Suppress;
    }

    private static bool IsKeyLintId(string rule)
    {
        if (rule.Length != 6 || !rule.StartsWith("KL", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 2; i < rule.Length; i++)
        {
            if (rule[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMarked(AdditionalText file, AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(FileMetadata, out var marked) &&
        marked.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    private static AdditionalText? FindFile(AnalyzerOptions options, string? configuredPath)
    {
        foreach (var file in options.AdditionalFiles)
        {
            if (IsMarked(file, options))
            {
                return file;
            }
        }

        AdditionalText? defaultNamed = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (IsConfiguredPath(file.Path, configuredPath))
            {
                return file;
            }

            if (defaultNamed is null && BaselineFile.IsDefaultName(Path.GetFileName(file.Path)))
            {
                defaultNamed = file;
            }
        }

        return defaultNamed;
    }

    // A file named keylint.baseline.json is a baseline even when the configured path differs from it: a value in the
    // generated .editorconfig ends at '#' or ';', so the path of a project under "C#Projects/" arrives cut short.
    private static bool IsBaselinePath(string path, string? configuredPath) =>
        IsConfiguredPath(path, configuredPath) || BaselineFile.IsDefaultName(Path.GetFileName(path));

    private static bool IsConfiguredPath(string path, string? configuredPath) =>
        !string.IsNullOrWhiteSpace(configuredPath) &&
        BaselinePaths.Normalize(path).Equals(BaselinePaths.Normalize(configuredPath!.Trim()), StringComparison.OrdinalIgnoreCase);

    private sealed class Parsed
    {
        public Parsed(BaselineFile file)
        {
            File = file;
            var index = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < file.Entries.Count; i++)
            {
                var entry = file.Entries[i];
                var key = BaselineFile.KeyOf(entry.Rule, entry.Path, entry.Fingerprint);
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = new List<int>();
                }

                list.Add(i);
            }

            Index = index;
        }

        public BaselineFile File { get; }

        public Dictionary<string, List<int>> Index { get; }
    }
}

/// <summary>The analyzer that reports a stale baseline entry: the one that would report its finding.</summary>
internal enum BaselineOwner
{
    HardcodedSecret,
    BotSettings,
    ConfigFile,
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Benchmarks.Harness;

/// <summary>
/// The C# sources and config files of a code base on disk: every <c>*.cs</c> file, and as additional files the
/// config and secret files that KeyLint's package passes to the compiler. Folders named <c>bin</c>, <c>obj</c>,
/// <c>.git</c> and <c>node_modules</c> are skipped.
/// </summary>
public sealed class CorpusInput
{
    private static readonly string[] SkippedFolders = { "bin", "obj", ".git", "node_modules", ".vs" };

    private CorpusInput(string root, IReadOnlyList<(string Path, SourceText Text)> sources, ImmutableArray<AdditionalText> additionalFiles)
    {
        Root = root;
        Sources = sources;
        AdditionalFiles = additionalFiles;
    }

    public string Root { get; }

    public IReadOnlyList<(string Path, SourceText Text)> Sources { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    public int SourceLines => Sources.Sum(source => source.Text.Lines.Count);

    public long SourceChars => Sources.Sum(source => (long)source.Text.Length);

    public static CorpusInput Load(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{root}' was not found.");
        }

        var sources = new List<(string, SourceText)>();
        var additionalFiles = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var path in EnumerateFiles(Path.GetFullPath(root)).OrderBy(path => path, StringComparer.Ordinal))
        {
            if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add((path, SourceText.From(File.ReadAllText(path), Encoding.UTF8)));
            }
            else if (IsConfigFile(Path.GetFileName(path)))
            {
                additionalFiles.Add(new FileText(path));
            }
        }

        return new CorpusInput(Path.GetFullPath(root), sources, additionalFiles.ToImmutable());
    }

    /// <summary>
    /// Tells whether KeyLint's build props would pass the file as an additional file: appsettings and secrets JSON,
    /// .env files, and the YAML, INI and .config files bots keep their settings in.
    /// </summary>
    public static bool IsConfigFile(string name)
    {
        var lower = name.ToLowerInvariant();
        return (lower.StartsWith("appsettings", StringComparison.Ordinal) && lower.EndsWith(".json", StringComparison.Ordinal)) ||
            (lower.StartsWith("secrets", StringComparison.Ordinal) && lower.EndsWith(".json", StringComparison.Ordinal)) ||
            lower.EndsWith(".env", StringComparison.Ordinal) || lower == ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) ||
            lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal) ||
            lower.EndsWith(".ini", StringComparison.Ordinal) || lower.EndsWith(".config", StringComparison.Ordinal);
    }

    private static IEnumerable<string> EnumerateFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (Array.IndexOf(SkippedFolders, Path.GetFileName(child)) >= 0)
            {
                continue;
            }

            foreach (var file in EnumerateFiles(child))
            {
                yield return file;
            }
        }
    }

    /// <summary>An additional file read once from disk.</summary>
    public sealed class FileText : AdditionalText
    {
        private readonly Lazy<SourceText> _text;

        public FileText(string path, string? content = null)
        {
            Path = path;
            _text = new Lazy<SourceText>(() => SourceText.From(content ?? File.ReadAllText(path), Encoding.UTF8));
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text.Value;
    }
}

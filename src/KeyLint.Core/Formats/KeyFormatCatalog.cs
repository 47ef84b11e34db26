using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using KeyLint.Core.Json;

namespace KeyLint.Core.Formats;

/// <summary>
/// The key formats KeyLint detects, read from <c>rules/key-formats.json</c> (embedded in this assembly) or from a
/// user's file with the same schema.
/// </summary>
public sealed class KeyFormatCatalog
{
    private const string ResourceName = "KeyLint.Core.key-formats.json";

    private static readonly object BuiltInGate = new();
    private static KeyFormatCatalog? _builtIn;

    private KeyFormatCatalog(IReadOnlyList<KeyFormat> formats, IReadOnlyList<CatalogError> errors)
    {
        Formats = formats;
        Errors = errors;
    }

    /// <summary>
    /// The catalog shipped with KeyLint, parsed once per process. A failed load is not cached, so the next access tries
    /// again.
    /// </summary>
    public static KeyFormatCatalog BuiltIn
    {
        get
        {
            var catalog = System.Threading.Volatile.Read(ref _builtIn);
            if (catalog is not null)
            {
                return catalog;
            }

            lock (BuiltInGate)
            {
                catalog = _builtIn ?? LoadBuiltIn();
                System.Threading.Volatile.Write(ref _builtIn, catalog);
                return catalog;
            }
        }
    }

    public IReadOnlyList<KeyFormat> Formats { get; }

    /// <summary>What was wrong with entries that were left out, one per entry.</summary>
    public IReadOnlyList<CatalogError> Errors { get; }

    /// <summary>
    /// Joins two catalogs: the formats of <paramref name="first"/> keep priority over those of
    /// <paramref name="second"/>, and a format of the second whose id the first already has is left out.
    /// </summary>
    public static KeyFormatCatalog Combine(KeyFormatCatalog first, KeyFormatCatalog second)
    {
        var formats = new List<KeyFormat>();
        var errors = new List<CatalogError>(second.Errors);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var format in first.Formats)
        {
            ids.Add(format.Id);
            formats.Add(format.WithIndex(formats.Count));
        }

        foreach (var format in second.Formats)
        {
            if (ids.Add(format.Id))
            {
                formats.Add(format.WithIndex(formats.Count));
            }
            else
            {
                errors.Add(new CatalogError($"Format '{format.Id}': a built-in format has the same id.", format.Offset));
            }
        }

        return new KeyFormatCatalog(formats, errors);
    }

    /// <summary>Creates a catalog of the given formats, in their order.</summary>
    public static KeyFormatCatalog FromFormats(IEnumerable<KeyFormat> formats)
    {
        var list = new List<KeyFormat>();
        foreach (var format in formats)
        {
            list.Add(format.WithIndex(list.Count));
        }

        return new KeyFormatCatalog(list, new CatalogError[0]);
    }

    /// <summary>Parses a catalog document. Invalid entries are left out and described in <see cref="Errors"/>.</summary>
    public static KeyFormatCatalog Parse(string json)
    {
        var formats = new List<KeyFormat>();
        var errors = new List<CatalogError>();
        if (!JsonReader.TryParse(json, out var root, out var error, out var offset))
        {
            errors.Add(new CatalogError($"The catalog is not valid JSON at offset {offset}: {error}.", offset));
            return new KeyFormatCatalog(formats, errors);
        }

        var entries = root!.Kind == JsonKind.Object ? root.Get("formats") : null;
        if (entries is null || entries.Kind != JsonKind.Array)
        {
            errors.Add(new CatalogError("The catalog has no \"formats\" array.", 0));
            return new KeyFormatCatalog(formats, errors);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Items.Count; i++)
        {
            var entry = entries.Items[i];
            var format = ReadFormat(entry, formats.Count, out var entryError);
            if (format is null)
            {
                errors.Add(new CatalogError($"Format #{i + 1}: {entryError}", entry.Start));
            }
            else if (!ids.Add(format.Id))
            {
                errors.Add(new CatalogError($"Format '{format.Id}': the id is used by an earlier entry.", entry.Start));
            }
            else
            {
                formats.Add(format);
            }
        }

        return new KeyFormatCatalog(formats, errors);
    }

    private static KeyFormatCatalog LoadBuiltIn()
    {
        using var stream = typeof(KeyFormatCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static KeyFormat? ReadFormat(JsonNode entry, int index, out string? error)
    {
        error = null;
        if (entry.Kind != JsonKind.Object)
        {
            error = "an entry must be an object.";
            return null;
        }

        var id = ReadString(entry, "id");
        var name = ReadString(entry, "name");
        var provider = ReadString(entry, "provider");
        var patternText = ReadString(entry, "pattern");
        if (id is null || name is null || provider is null || patternText is null)
        {
            error = $"'{id ?? "(no id)"}' needs the string properties id, name, provider and pattern.";
            return null;
        }

        var ignoreCase = entry.Get("ignoreCase")?.Text == "true";
        var prefixes = ReadStrings(entry.Get("prefixes"));
        var contextNode = entry.Get("context");
        FormatContext? context = null;
        if (contextNode is not null)
        {
            context = new FormatContext(
                ReadStrings(contextNode.Get("providers")).ConvertAll(p => p.ToLowerInvariant()),
                ReadStrings(contextNode.Get("headers")));
        }

        if (prefixes.Count == 0 && context is null)
        {
            error = $"'{id}' needs either prefixes or a context: without them every string would be tested.";
            return null;
        }

        foreach (var prefix in prefixes)
        {
            if (prefix.Length < 2)
            {
                error = $"'{id}' has the prefix '{prefix}', but prefixes need at least 2 characters.";
                return null;
            }
        }

        Regex pattern;
        try
        {
            var options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
            if (ignoreCase)
            {
                options |= RegexOptions.IgnoreCase;
            }

            // A context format describes a whole value, so its pattern is anchored at both ends. The pattern must be
            // valid on its own, because "a)|(b" would close the anchoring group and leave each anchor on one branch.
            if (context is not null)
            {
                _ = new Regex(patternText, options);
            }

            var text = context is null ? patternText : "^(?:" + patternText + ")$";
            pattern = new Regex(text, options, KeyFormat.MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            error = $"'{id}' has an invalid pattern: {exception.Message}";
            return null;
        }

        var examples = entry.Get("examples");
        var match = ReadExamples(examples?.Get("match"));
        var noMatch = ReadExamples(examples?.Get("noMatch"));
        if (match.Count == 0 || noMatch.Count == 0)
        {
            error = $"'{id}' needs at least one example that matches and one that does not.";
            return null;
        }

        return new KeyFormat(
            index, id, name, provider, pattern, prefixes, ignoreCase, context, ReadString(entry, "variable"),
            match, noMatch, entry.Start);
    }

    private static string? ReadString(JsonNode entry, string name)
    {
        var node = entry.Get(name);
        return node is { Kind: JsonKind.String } && node.Text!.Length > 0 ? node.Text : null;
    }

    private static List<string> ReadStrings(JsonNode? node)
    {
        var values = new List<string>();
        if (node is { Kind: JsonKind.Array })
        {
            foreach (var item in node.Items)
            {
                if (item.Kind == JsonKind.String && item.Text!.Length > 0)
                {
                    values.Add(item.Text);
                }
            }
        }

        return values;
    }

    private static List<FormatExample> ReadExamples(JsonNode? node)
    {
        var examples = new List<FormatExample>();
        if (node is not { Kind: JsonKind.Array })
        {
            return examples;
        }

        foreach (var item in node.Items)
        {
            if (item.Kind == JsonKind.String)
            {
                examples.Add(new FormatExample(item.Text!, null));
            }
            else if (item.Kind == JsonKind.Object && ReadString(item, "value") is { } value)
            {
                examples.Add(new FormatExample(value, ReadString(item, "target")));
            }
        }

        return examples;
    }
}

/// <summary>A catalog entry that was left out: what is wrong, and where the entry starts in the catalog's text.</summary>
public sealed class CatalogError
{
    public CatalogError(string message, int offset)
    {
        Message = message;
        Offset = offset;
    }

    public string Message { get; }

    public int Offset { get; }

    public override string ToString() => Message;
}

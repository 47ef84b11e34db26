using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace KeyLint.Core.Formats;

/// <summary>
/// One entry of the key-format catalog: how a provider's keys look, and the cheap hints that decide whether a value
/// is worth testing against the pattern at all.
/// </summary>
public sealed class KeyFormat
{
    /// <summary>Upper bound for one pattern match; a match that runs longer counts as no match.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    internal KeyFormat(
        int index,
        string id,
        string name,
        string provider,
        Regex pattern,
        IReadOnlyList<string> prefixes,
        bool ignoreCase,
        FormatContext? context,
        string? variable,
        IReadOnlyList<FormatExample> matchExamples,
        IReadOnlyList<FormatExample> noMatchExamples,
        int offset)
    {
        Offset = offset;
        Index = index;
        Id = id;
        Name = name;
        Provider = provider;
        Pattern = pattern;
        Prefixes = prefixes;
        IgnoreCase = ignoreCase;
        Context = context;
        Variable = variable;
        MatchExamples = matchExamples;
        NoMatchExamples = noMatchExamples;
        Shape = PatternShape.TryCreate(pattern.ToString(), pattern.Options);
    }

    /// <summary>Position in the catalog; earlier entries win when two formats match the same value.</summary>
    public int Index { get; }

    /// <summary>Offset of the entry in the text of the catalog it was read from.</summary>
    public int Offset { get; }

    /// <summary>Stable identifier such as <c>aws-access-key-id</c>.</summary>
    public string Id { get; }

    /// <summary>Human-readable name used in diagnostic messages, such as "AWS access key ID".</summary>
    public string Name { get; }

    public string Provider { get; }

    /// <summary>
    /// The regular expression. For a prefixed format it is searched for anywhere in the value; for a context format it
    /// must match the whole value. A group named <c>secret</c>, when present, marks the part that is secret.
    /// </summary>
    public Regex Pattern { get; }

    /// <summary>
    /// Tells whether <see cref="Pattern"/> marks the secret inside a larger value, such as the password of a
    /// connection string. Such a value is read from its variable as a whole.
    /// </summary>
    public bool MarksSecretInside => Pattern.GroupNumberFromName("secret") >= 0;

    /// <summary>Literal text that every match contains. A value without any of them is never tested.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public bool IgnoreCase { get; }

    /// <summary>
    /// For formats without a distinctive prefix (most exchange keys): where a value must be bound before its shape
    /// alone counts. Null for prefixed formats.
    /// </summary>
    public FormatContext? Context { get; }

    /// <summary>The environment variable the provider's own tools read, such as <c>AWS_ACCESS_KEY_ID</c>.</summary>
    public string? Variable { get; }

    public IReadOnlyList<FormatExample> MatchExamples { get; }

    public IReadOnlyList<FormatExample> NoMatchExamples { get; }

    /// <summary>
    /// The lengths and characters the pattern can match, so that most values are turned away without running it.
    /// Null for a pattern whose shape is not read.
    /// </summary>
    internal PatternShape? Shape { get; }

    internal KeyFormat WithIndex(int index) => index == Index
        ? this
        : new KeyFormat(
            index, Id, Name, Provider, Pattern, Prefixes, IgnoreCase, Context, Variable, MatchExamples, NoMatchExamples, Offset);
}

/// <summary>The bindings that make a prefix-less value shape count as a key of this format.</summary>
public sealed class FormatContext
{
    internal FormatContext(IReadOnlyList<string> providers, IReadOnlyList<string> headers)
    {
        Providers = providers;
        Headers = headers;
    }

    /// <summary>
    /// Lower-case provider words (<c>okx</c>, <c>kucoin</c>). When the list is not empty, the target name, the type
    /// around it or a request header must name one of them. When it is empty, a secret-named target is enough.
    /// </summary>
    public IReadOnlyList<string> Providers { get; }

    /// <summary>Request headers that carry this provider's key, such as <c>X-MBX-APIKEY</c>.</summary>
    public IReadOnlyList<string> Headers { get; }
}

/// <summary>
/// A catalog example: a value template and, for context formats, the name of the target it is bound to. Templates
/// hold no real key: <c>{N:class}</c> and <c>{N-M:class}</c> stand for N (to M) characters drawn from a
/// regular-expression character class, filled from a fixed seed by <see cref="ExampleTemplate"/>.
/// </summary>
public sealed class FormatExample
{
    internal FormatExample(string template, string? target)
    {
        Template = template;
        Target = target;
    }

    public string Template { get; }

    public string? Target { get; }
}

using System;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers;

/// <summary>Spans for diagnostics that point at an offset in an additional file rather than at a value.</summary>
internal static class TextSpans
{
    /// <summary>
    /// Returns the span of the one character at <paramref name="offset"/>, clamped into <paramref name="text"/>, or an
    /// empty span at its end, so that an offset from a parser never makes the location throw.
    /// </summary>
    public static TextSpan CharacterAt(SourceText text, int offset)
    {
        var start = Math.Max(0, Math.Min(offset, text.Length));
        return new TextSpan(start, start < text.Length ? 1 : 0);
    }
}

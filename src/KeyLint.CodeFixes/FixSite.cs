using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes;

/// <summary>A diagnostic that can be fixed, with the syntax its fix replaces, whatever source the secret is read from.</summary>
internal sealed class FixSite
{
    public FixSite(
        Diagnostic diagnostic,
        SyntaxNode node,
        TextSpan keySpan,
        Utf8Form utf8Form,
        SyntaxNode? constantDeclaration,
        TextSpan? keyInValue = null)
    {
        Diagnostic = diagnostic;
        Node = node;
        KeySpan = keySpan;
        Utf8Form = utf8Form;
        ConstantDeclaration = constantDeclaration;
        KeyInValue = keyInValue;
    }

    public Diagnostic Diagnostic { get; }

    /// <summary>The node to replace, as <see cref="SecretReplacement.Node"/> describes it.</summary>
    public SyntaxNode Node { get; }

    /// <summary>The source span of the key inside <see cref="Node"/> when it is an interpolated text part.</summary>
    public TextSpan KeySpan { get; }

    public Utf8Form Utf8Form { get; }

    /// <summary>
    /// Where the key is in the value of a string literal that also contains other text, in characters of the value,
    /// or null when the literal is replaced as a whole.
    /// </summary>
    public TextSpan? KeyInValue { get; }

    /// <summary>The <c>const</c> declaration whose initializer contains the node, already checked to be removable.</summary>
    public SyntaxNode? ConstantDeclaration { get; }
}

/// <summary>How a UTF-8 literal's replacement keeps the code compiling.</summary>
internal enum Utf8Form
{
    /// <summary>Not a UTF-8 literal.</summary>
    None,

    /// <summary>The byte[] converts to the <c>ReadOnlySpan&lt;byte&gt;</c> the literal had.</summary>
    Span,

    /// <summary>The literal is the receiver of a member access, so the array is wrapped in a span again.</summary>
    SpanReceiver,

    /// <summary><c>"..."u8.ToArray()</c> is replaced as a whole, since it is already a byte[].</summary>
    ByteArray,
}

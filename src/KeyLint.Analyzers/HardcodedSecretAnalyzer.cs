using System.Collections.Generic;
using System.Globalization;
using System.Collections.Immutable;
using KeyLint.Core.Baseline;
using KeyLint.Core.Detection;
using KeyLint.Core.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers;

/// <summary>
/// Reports hardcoded keys in C# strings: KL0001 for a value in a known key format, KL0002 for a random value bound to
/// a secret-named target. Both come from one pass over each string: the format prefilter first, which needs only
/// the value, then the target's name, which is resolved only for values that could still be secrets.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : DiagnosticAnalyzer
{
    private const string RotateAdvice =
        "Read it from an environment variable or a secret store, and rotate it: it stays in the repository history.";

    public static readonly DiagnosticDescriptor KnownKeyFormatRule = new(
        DiagnosticIds.KnownKeyFormat,
        title: "Hardcoded key in a known format",
        messageFormat: "{0} contains {1} {2}. {3}" + RotateAdvice,
        DiagnosticIds.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string in the code matches the format of a provider's API key, token, private key or " +
            "connection string. Anyone who can read the repository, a build log or the compiled assembly can use it.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.KnownKeyFormat));

    public static readonly DiagnosticDescriptor HighEntropySecretRule = new(
        DiagnosticIds.HighEntropySecret,
        title: "Hardcoded secret bound to a secret-named target",
        messageFormat: "{0} is set to a random-looking value {1}. {2}" + RotateAdvice,
        DiagnosticIds.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A key, secret, token or password target is set to a random-looking literal that no known " +
            "key format matched.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.HighEntropySecret));

    private readonly ScannerLoader _loader;

    public HardcodedSecretAnalyzer()
        : this(ScannerLoader.Default)
    {
    }

    internal HardcodedSecretAnalyzer(ScannerLoader loader)
    {
        _loader = loader;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(KnownKeyFormatRule, HighEntropySecretRule, BaselineRules.StaleEntryRule, BaselineRules.RecordedFindingRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // With no catalog there is nothing to match, and CatalogLoadAnalyzer reports why (KL9005).
            if (_loader.Load(start.Options, start.CancellationToken).Scanner is not { } scanner)
            {
                return;
            }

            var settings = new CompilationSettings(start.Compilation, start.Options, scanner, start.CancellationToken);
            start.RegisterSyntaxNodeAction(
                c => AnalyzeLiteral(c, settings), SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeInterpolatedString(c, settings), SyntaxKind.InterpolatedStringExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeConcatenation(c, settings), SyntaxKind.AddExpression);
            if (settings.Baseline is { HasEntries: true } baseline)
            {
                start.RegisterCompilationEndAction(end => baseline.ReportStale(BaselineOwner.HardcodedSecret, end.ReportDiagnostic));
            }
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, CompilationSettings settings)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (value.Length < SecretScanner.MinCandidateLength)
        {
            return;
        }

        var scanner = settings.Scanner;
        if (scanner.TryMatchFormat(value, out var finding))
        {
            Report(context, settings, literal, literal, value, finding);
            return;
        }

        // Inside a concatenation the value is only a part; AnalyzeConcatenation looks at the whole.
        if (literal.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression })
        {
            return;
        }

        TryReportInContext(context, settings, literal, literal, value, scanner);
    }

    private static void AnalyzeInterpolatedString(SyntaxNodeAnalysisContext context, CompilationSettings settings)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)context.Node;
        var scanner = settings.Scanner;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text &&
                text.TextToken.ValueText is { Length: >= SecretScanner.MinCandidateLength } value &&
                scanner.TryMatchFormat(value, out var finding))
            {
                Report(context, settings, text, interpolated, value, finding);
                return;
            }
        }

        // $"..." with no holes is a plain string and binds like one.
        if (interpolated.Contents.Count == 1 && interpolated.Contents[0] is InterpolatedStringTextSyntax only &&
            only.TextToken.ValueText is { Length: >= SecretScanner.MinCandidateLength } plain)
        {
            TryReportInContext(context, settings, only, interpolated, plain, scanner);
        }
    }

    private static void AnalyzeConcatenation(SyntaxNodeAnalysisContext context, CompilationSettings settings)
    {
        var concatenation = (BinaryExpressionSyntax)context.Node;
        if (IsInsideConcatenation(concatenation) || !CouldBeConstantString(concatenation, out var hasLiteral) || !hasLiteral)
        {
            return;
        }

        if (!ConstantConcatenation.TryFold(
                concatenation, context.SemanticModel, context.CancellationToken, out var value, out var parts) ||
            value.Length < SecretScanner.MinCandidateLength)
        {
            return;
        }

        var scanner = settings.Scanner;
        if (AnyPartMatchesFormat(parts, scanner))
        {
            return;
        }

        if (scanner.TryMatchFormat(value, out var finding))
        {
            Report(context, settings, concatenation, concatenation, value, finding);
            return;
        }

        TryReportInContext(context, settings, concatenation, concatenation, value, scanner);
    }

    private static void TryReportInContext(
        SyntaxNodeAnalysisContext context,
        CompilationSettings settings,
        SyntaxNode location,
        ExpressionSyntax bound,
        string value,
        SecretScanner scanner)
    {
        if (!SecretScanner.IsContextCandidate(value))
        {
            return;
        }

        var options = settings.ScannerOptions(context.Node.SyntaxTree);
        var gate = new ParameterNameGate(scanner, options, value);
        var target = TargetResolver.Resolve(bound, context.SemanticModel, gate, settings.Caches, context.CancellationToken);
        if (!gate.MayMatter(target.Name))
        {
            return;
        }

        var targetContext = new TargetContext(target.Name, target.TypeName, options, settings.Caches.NameWords);
        if (scanner.TryMatchInContext(value, targetContext, out var finding))
        {
            Report(context, settings, location, target, targetContext, value, finding, scanner);
        }
    }

    private static void Report(
        SyntaxNodeAnalysisContext context,
        CompilationSettings settings,
        SyntaxNode location,
        ExpressionSyntax bound,
        string value,
        SecretFinding finding)
    {
        var target = TargetResolver.Resolve(bound, context.SemanticModel, default, settings.Caches, context.CancellationToken);
        var targetContext = new TargetContext(
            target.Name, target.TypeName, settings.ScannerOptions(context.Node.SyntaxTree), settings.Caches.NameWords);
        Report(context, settings, location, target, targetContext, value, finding, settings.Scanner);
    }

    private static void Report(
        SyntaxNodeAnalysisContext context,
        CompilationSettings settings,
        SyntaxNode location,
        SecretTarget target,
        TargetContext targetContext,
        string value,
        SecretFinding finding,
        SecretScanner scanner)
    {
        // A key can be glued to an identifier, so the name is redacted like a config path.
        var subject = target.Name is null ? "This string" : $"'{Redaction.DescribeName(target.Name, scanner)}'";
        var secret = Redaction.Describe(value, finding.Start, finding.Length);
        var noFix = target.ConstantReason is null ? string.Empty : $"No automatic fix: {target.ConstantReason}. ";
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(FixProperties.VariableName, VariableNames.ForEnvironment(targetContext, finding.Format, scanner));
        properties.Add(FixProperties.ConfigurationKey, VariableNames.ForConfiguration(targetContext, finding.Format, scanner));
        properties.Add(FixProperties.Fix, target.ConstantReason is null ? FixProperties.Fixable : FixProperties.NotFixable);
        properties.Add(FixProperties.Fingerprint, Fingerprint.Of(value.Substring(finding.Start, finding.Length)));

        // "https://...?AWSAccessKeyId=AKIA...&Expires=..." keeps its URL when the fix replaces the key.
        if (IsKeyAmongOtherText(value, finding, scanner, targetContext.Options))
        {
            properties.Add(FixProperties.KeyStart, finding.Start.ToString(CultureInfo.InvariantCulture));
            properties.Add(FixProperties.KeyLength, finding.Length.ToString(CultureInfo.InvariantCulture));
        }

        var rule = finding.Format is null ? HighEntropySecretRule : KnownKeyFormatRule;
        var arguments = finding.Format is { } format
            ? new object[] { subject, MessageText.WithArticle(format.Name), secret, noFix }
            : new object[] { subject, secret, noFix };

        // Test projects hold fake keys more often than real ones, so there the default severity is a suggestion.
        var diagnostic = settings.IsLowerSeverity(location.SyntaxTree)
            ? Diagnostic.Create(rule, location.GetLocation(), DiagnosticSeverity.Info, null, properties.ToImmutable(), arguments)
            : Diagnostic.Create(rule, location.GetLocation(), properties.ToImmutable(), arguments);
        BaselineMatcher.Report(settings.Baseline, diagnostic, context.ReportDiagnostic, context.CancellationToken);
    }

    /// <summary>
    /// Tells whether the fix may replace only the key and keep the text around it. The key must sit between
    /// separators such as <c>=</c>, <c>&amp;</c> or a space, and the text around it must be plain (see
    /// <see cref="IsPlainText"/>). A key glued to the rest by <c>:</c>, <c>/</c>, <c>-</c> or a line break is part of
    /// a larger secret, such as a webhook URL, a PEM block or <c>id:secret</c>, which the fix replaces as a whole.
    /// </summary>
    private static bool IsKeyAmongOtherText(string value, SecretFinding finding, SecretScanner scanner, ScannerOptions options)
    {
        // An "=" right after the key may be its base64 padding, so it does not separate the key there.
        var end = finding.Start + finding.Length;
        if (finding.Format is not { MarksSecretInside: false } || (finding.Start == 0 && end == value.Length) ||
            (finding.Start > 0 && !IsSeparator(value[finding.Start - 1])) ||
            (end < value.Length && (value[end] == '=' || !IsSeparator(value[end]))))
        {
            return false;
        }

        var secretNamed = new TargetContext(SecretWord, null, options);
        return IsPlainText(value.Substring(0, finding.Start), isBeforeKey: true, scanner, secretNamed, options) &&
            IsPlainText(value.Substring(end), isBeforeKey: false, scanner, secretNamed, options);
    }

    /// <summary>
    /// Tells whether the fix may leave <paramref name="text"/> in the code next to the key: nothing in it would be a
    /// finding if a variable named "secret" were set to it, and it names no secret. So it matches no key format, has
    /// no run of 8 or more letters and digits that mixes both (as hashes and GUIDs do), has no word that the
    /// random-secret check accepts, and has no secret or password name. The name just before the key, as in
    /// <c>key=</c>, is the key's own.
    /// </summary>
    private static bool IsPlainText(
        string text, bool isBeforeKey, SecretScanner scanner, TargetContext secretNamed, ScannerOptions options)
    {
        if (scanner.TryMatchFormat(text, out _) || HasSecretWord(text, scanner, secretNamed, WordBreak.Separator) ||
            HasSecretWord(text, scanner, secretNamed, WordBreak.SeparatorOrSlash) ||
            HasSecretWord(text, scanner, secretNamed, WordBreak.Assignment) ||
            HasSecretWord(text, scanner, secretNamed, WordBreak.SeparatorButQuote) || HasSecretValue(text, scanner, secretNamed))
        {
            return false;
        }

        // The key's own name ends where only characters such as "=" and quotes are left before the key.
        var ownNameEnd = text.Length;
        while (isBeforeKey && ownNameEnd > 0 && System.Array.IndexOf(KeyNameEnd, text[ownNameEnd - 1]) >= 0)
        {
            ownNameEnd--;
        }

        var runStart = 0;
        var hasLetter = false;
        var hasDigit = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                hasLetter |= char.IsLetter(text[i]);
                hasDigit |= char.IsDigit(text[i]);
                continue;
            }

            var length = i - runStart;
            var isKeyName = isBeforeKey && i >= ownNameEnd;
            if ((length >= MinRandomRun && hasLetter && hasDigit) ||
                (length > 0 && !isKeyName &&
                    SecretNames.Classify(text.Substring(runStart, length), options) is SecretNameKind.Secret or SecretNameKind.Password))
            {
                return false;
            }

            runStart = i + 1;
            hasLetter = false;
            hasDigit = false;
        }

        return true;
    }

    // Tells whether a word of the text would be reported if a variable named "secret" were set to it. The text is cut
    // into words four ways, since a secret may contain any of the characters that end words in the other three. Quotes
    // around a word are left out.
    private static bool HasSecretWord(string text, SecretScanner scanner, TargetContext secretNamed, WordBreak wordBreak)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !EndsWord(text[i], wordBreak))
            {
                continue;
            }

            if (i - start >= SecretScanner.MinCandidateLength &&
                text.Substring(start, i - start).Trim('"', '\'') is { Length: >= SecretScanner.MinCandidateLength } word &&
                scanner.TryMatchInContext(word, secretNamed, out _))
            {
                return true;
            }

            start = i + 1;
        }

        return false;
    }

    // Tells whether the value of a "name=value" word would be reported if a variable named "secret" were set to it.
    // Only white space ends such a word, so a value with "=" or quotes inside, such as a1b2=c3d4'e5f6, is judged whole.
    private static bool HasSecretValue(string text, SecretScanner scanner, TargetContext secretNamed)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var equals = text.IndexOf('=', start, i - start);
            if (equals >= 0)
            {
                var value = text.Substring(equals + 1, i - equals - 1).Trim('"', '\'');
                if (value.Length >= SecretScanner.MinCandidateLength && scanner.TryMatchInContext(value, secretNamed, out _))
                {
                    return true;
                }
            }

            start = i + 1;
        }

        return false;
    }

    private static bool EndsWord(char c, WordBreak wordBreak) => wordBreak switch
    {
        WordBreak.Separator => IsSeparator(c) || char.IsWhiteSpace(c) || c is ':' or '\\',
        WordBreak.SeparatorOrSlash => IsSeparator(c) || char.IsWhiteSpace(c) || c is ':' or '\\' or '/',
        WordBreak.SeparatorButQuote => (IsSeparator(c) && c is not ('"' or '\'')) || char.IsWhiteSpace(c) || c is ':' or '\\',
        _ => char.IsWhiteSpace(c) || c is '=' or '"' or '\'',
    };

    private const int MinRandomRun = 8;

    private const string SecretWord = "secret";

    // What may stand between the key's name and the key: "key=", "apiKey\":\"", "key: ".
    private static readonly char[] KeyNameEnd = { ' ', '=', ':', '"', '\'' };

    private static readonly char[] Separators = { ' ', '=', '&', '?', ',', ';', '"', '\'', '|', '(', ')', '[', ']', '{', '}', '<', '>' };

    private static bool IsSeparator(char c) => System.Array.IndexOf(Separators, c) >= 0;

    // Only the outermost addition is analyzed, through any number of parentheses: "a" + (("b" + c)).
    private static bool IsInsideConcatenation(ExpressionSyntax expression)
    {
        var parent = expression.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression };
    }

    // A key that sits whole in one part is reported there: at the literal, or at the declaration of the constant.
    private static bool AnyPartMatchesFormat(List<string?> parts, SecretScanner scanner)
    {
        foreach (var part in parts)
        {
            if (part is not null && scanner.TryMatchFormat(part, out _))
            {
                return true;
            }
        }

        return false;
    }

    // Only literals, names and member accesses can fold into a constant. Anything else, such as a call or an
    // interpolation with holes, is rejected here before the semantic model is asked.
    private static bool CouldBeConstantString(ExpressionSyntax expression, out bool hasLiteral)
    {
        hasLiteral = false;
        switch (expression)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                var left = CouldBeConstantString(add.Left, out var leftLiteral);
                var right = CouldBeConstantString(add.Right, out var rightLiteral);
                hasLiteral = leftLiteral || rightLiteral;
                return left && right;
            case ParenthesizedExpressionSyntax parenthesized:
                return CouldBeConstantString(parenthesized.Expression, out hasLiteral);
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }:
                hasLiteral = true;
                return true;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The characters at which <see cref="HasSecretWord"/> ends a word.</summary>
    private enum WordBreak
    {
        /// <summary>At separators, white space, <c>:</c> and <c>\</c>.</summary>
        Separator,

        /// <summary>At the same and at <c>/</c>, which base64 and URLs contain.</summary>
        SeparatorOrSlash,

        /// <summary>
        /// Only at white space, quotes and <c>=</c>, so a value such as <c>a1b2:c3d4&amp;e5f6</c> stays whole.
        /// </summary>
        Assignment,

        /// <summary>
        /// As <see cref="Separator"/>, but not at quotes, so a value such as <c>a1b2'c3d4"e5f6</c> stays whole.
        /// </summary>
        SeparatorButQuote,
    }
}

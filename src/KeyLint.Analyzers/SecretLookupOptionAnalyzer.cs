using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers;

/// <summary>
/// Reports an invalid <c>keylint.secret_lookup</c> template (KL9002) once per compilation and value, so that a typo
/// in the option does not silently turn the secret-provider fix off.
/// </summary>
/// <remarks>
/// The check runs once at the end of the compilation rather than on the first syntax tree. The option can differ per
/// file through .editorconfig sections, so every tree is read, and no tree is reliably first under concurrent
/// execution or in the IDE, which analyzes one document at a time.
/// NOTE: the IDE runs compilation-end actions only with full solution analysis on, so without it KL9002 shows only
/// in <c>dotnet build</c>, and the fixes it removes vanish in the editor without a visible reason.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLookupOptionAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor InvalidSecretLookupRule = new(
        DiagnosticIds.InvalidSecretLookup,
        title: "Invalid secret lookup template",
        // The message is a composite format string, so the braces of the placeholder are doubled.
        messageFormat: "The option " + SecretLookupTemplate.OptionName + " = '{0}' is invalid: {1}. KeyLint offers no fix " +
            "for hardcoded keys until the template is a C# expression that contains {{name}}, for example " +
            "Secrets.Get({{name}}).",
        DiagnosticIds.ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The secret-provider fix inserts the template with " + SecretLookupTemplate.Placeholder +
            " replaced by the secret's name as a string literal, so the template must contain the placeholder and " +
            "parse as an expression.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.InvalidSecretLookup),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(InvalidSecretLookupRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(AnalyzeCompilation);
    }

    private static void AnalyzeCompilation(CompilationAnalysisContext context)
    {
        var provider = context.Options.AnalyzerConfigOptionsProvider;
        var values = new SortedSet<string>(StringComparer.Ordinal);
        if (provider.GlobalOptions.TryGetValue(SecretLookupTemplate.OptionName, out var global))
        {
            values.Add(global);
        }

        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(SecretLookupTemplate.OptionName, out var value))
            {
                values.Add(value);
            }
        }

        foreach (var value in values.Where(v => SecretLookupTemplate.IsSet(v) && !SecretLookupTemplate.IsValid(v)))
        {
            var problem = value.IndexOf(SecretLookupTemplate.Placeholder, StringComparison.Ordinal) < 0
                ? "it does not contain " + SecretLookupTemplate.Placeholder
                : "it does not parse as a C# expression";
            context.ReportDiagnostic(Diagnostic.Create(InvalidSecretLookupRule, Location.None, value, problem));
        }
    }
}

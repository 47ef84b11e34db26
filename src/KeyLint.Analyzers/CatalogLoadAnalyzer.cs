using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers;

/// <summary>
/// Reports KL9005 once per compilation when KeyLint's key formats fail to load. The analyzers that need them
/// (KL0001, KL0002, KL0004) then report nothing or fewer keys, and this diagnostic explains why, in place of an analyzer
/// exception (AD0001) from each of them.
/// </summary>
/// <remarks>
/// NOTE: the IDE runs compilation-end actions only with full solution analysis on, so without it KL9005 shows only
/// in <c>dotnet build</c>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CatalogLoadAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor CatalogLoadFailedRule = new(
        DiagnosticIds.CatalogLoadFailed,
        title: "Key formats failed to load",
        messageFormat: "{0}",
        DiagnosticIds.ConfigurationCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The key-format catalog that KL0001, KL0002 and KL0004 match values against could not be loaded, " +
            "in whole or in part, so those rules miss keys. KL0003 and KL0005 do not need the catalog and still run.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.CatalogLoadFailed),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private readonly ScannerLoader _loader;

    public CatalogLoadAnalyzer()
        : this(ScannerLoader.Default)
    {
    }

    internal CatalogLoadAnalyzer(ScannerLoader loader)
    {
        _loader = loader;
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(CatalogLoadFailedRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(compilation =>
        {
            var load = _loader.Load(compilation.Options, compilation.CancellationToken);
            if (load.Failure is { } failure)
            {
                compilation.ReportDiagnostic(Diagnostic.Create(CatalogLoadFailedRule, Location.None, failure));
            }
        });
    }
}

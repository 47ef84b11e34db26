using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using KeyLint.Core.Baseline;
using KeyLint.Core.Config;
using KeyLint.Core.Detection;
using KeyLint.Core.Names;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers;

/// <summary>
/// Reports withdrawal permissions (KL0003) and open IP allowlists (KL0005) set on C# settings objects:
/// <c>EnableWithdrawals = true</c>, <c>Permissions = ApiPermissions.Trade | ApiPermissions.Withdraw</c>,
/// <c>Scopes = new[] { "wallet:withdrawals:create" }</c>, <c>IpRestrict = false</c>, <c>IpWhitelist = ["0.0.0.0/0"]</c>.
/// The same rules as in config files decide, from the member's name words and the assigned value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BotSettingsAnalyzer : DiagnosticAnalyzer
{

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(
            ConfigFileAnalyzer.WithdrawalPermissionRule,
            ConfigFileAnalyzer.OpenIpAllowlistRule,
            BaselineRules.StaleEntryRule,
            BaselineRules.RecordedFindingRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var baseline = BaselineMatcher.Create(start.Compilation, start.Options, start.CancellationToken);
            start.RegisterSyntaxNodeAction(c => AnalyzeAssignment(c, baseline), SyntaxKind.SimpleAssignmentExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeInitializer(c, baseline), SyntaxKind.EqualsValueClause);
            if (baseline is { HasEntries: true })
            {
                // Entries for C# files; ConfigFileAnalyzer owns the KL0003 and KL0005 entries of config files.
                start.RegisterCompilationEndAction(end => baseline.ReportStale(BaselineOwner.BotSettings, end.ReportDiagnostic));
            }
        });
    }

    private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context, BaselineMatcher? baseline)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        var name = assignment.Left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            _ => null,
        };
        Analyze(context, baseline, name, assignment.Right, isDeclarationDefault: false);
    }

    private static void AnalyzeInitializer(SyntaxNodeAnalysisContext context, BaselineMatcher? baseline)
    {
        var initializer = (EqualsValueClauseSyntax)context.Node;
        var name = initializer.Parent switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
            _ => null,
        };
        Analyze(context, baseline, name, initializer.Value, isDeclarationDefault: true);
    }

    private static void Analyze(
        SyntaxNodeAnalysisContext context, BaselineMatcher? baseline, string? name, ExpressionSyntax value, bool isDeclarationDefault)
    {
        if (name is null || !BotSettingRules.MayApply(name))
        {
            return;
        }

        var words = NameWords.Split(name);
        switch (value)
        {
            case LiteralExpressionSyntax literal when literal.Token.Value is bool or string:
                // ValueText of the true and false keywords is "true" and "false".
                var text = literal.Token.ValueText;
                Check(context, baseline, name, words, text, isListItem: false, literal);
                break;
            case MemberAccessExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression }:
                // Flags: ApiPermissions.Trade | ApiPermissions.Withdraw.
                foreach (var member in FlagMembers(value))
                {
                    if (Check(context, baseline, name, words, member.Name.Identifier.ValueText, isListItem: true, member))
                    {
                        break;
                    }
                }

                break;
            default:
                var elements = ListElements(value);
                if (elements is null)
                {
                    break;
                }

                // "public List<string> IpWhitelist { get; set; } = new();" is an options class's default, which
                // configuration fills in; only an empty list that code assigns means "no restriction".
                if (elements.Count == 0 && !isDeclarationDefault)
                {
                    Check(context, baseline, name, words, JsonConfigReader.EmptyList, isListItem: false, value);
                    break;
                }

                foreach (var element in elements)
                {
                    if (element is LiteralExpressionSyntax { Token.Value: string item } &&
                        Check(context, baseline, name, words, item, isListItem: true, element))
                    {
                        break;
                    }
                }

                break;
        }
    }

    private static bool Check(
        SyntaxNodeAnalysisContext context,
        BaselineMatcher? baseline,
        string name, List<string> words, string value, bool isListItem, SyntaxNode location)
    {
        var finding = BotSettingRules.Check(words, value, isListItem, out _);
        if (finding == BotSettingFinding.None)
        {
            return false;
        }

        var (rule, explanation) = finding switch
        {
            BotSettingFinding.WithdrawalSwitchOn => (ConfigFileAnalyzer.WithdrawalPermissionRule, "enables withdrawals"),
            BotSettingFinding.WithdrawalPermission => (ConfigFileAnalyzer.WithdrawalPermissionRule, "grants a withdrawal permission"),
            BotSettingFinding.IpRestrictionOff => (ConfigFileAnalyzer.OpenIpAllowlistRule, "turns the IP restriction off"),
            BotSettingFinding.EmptyIpAllowlist => (ConfigFileAnalyzer.OpenIpAllowlistRule, "is an empty IP allowlist, which allows every address"),
            _ => (ConfigFileAnalyzer.OpenIpAllowlistRule, "allows every IP address"),
        };
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Fingerprint, Fingerprint.OfSetting(name, value));

        // A key can be glued to the name, and the message must not show the key whole.
        var diagnostic = Diagnostic.Create(rule, location.GetLocation(), properties, Redaction.DescribeName(name, scanner: null), explanation);
        BaselineMatcher.Report(baseline, diagnostic, context.ReportDiagnostic, context.CancellationToken);
        return true;
    }

    private static IEnumerable<MemberAccessExpressionSyntax> FlagMembers(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case MemberAccessExpressionSyntax member:
                yield return member;
                break;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } or:
                foreach (var left in FlagMembers(or.Left))
                {
                    yield return left;
                }

                foreach (var right in FlagMembers(or.Right))
                {
                    yield return right;
                }

                break;
            case ParenthesizedExpressionSyntax parenthesized:
                foreach (var inner in FlagMembers(parenthesized.Expression))
                {
                    yield return inner;
                }

                break;
        }
    }

    // The elements of new[] { ... }, new string[] { ... }, new List<string> { ... }, new List<string>() and [ ... ];
    // null for anything else.
    private static IReadOnlyList<ExpressionSyntax>? ListElements(ExpressionSyntax value)
    {
        switch (value)
        {
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return implicitArray.Initializer.Expressions;
            case ArrayCreationExpressionSyntax array:
                if (array.Initializer is { } arrayInitializer)
                {
                    return arrayInitializer.Expressions;
                }

                return IsEmptyArray(array) ? Array.Empty<ExpressionSyntax>() : null;
            case BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
                when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                return initializer.Expressions;
            case BaseObjectCreationExpressionSyntax { Initializer: null, ArgumentList: null or { Arguments.Count: 0 } }:
                return Array.Empty<ExpressionSyntax>();
            case CollectionExpressionSyntax collection:
                var elements = new List<ExpressionSyntax>();
                foreach (var element in collection.Elements)
                {
                    if (element is ExpressionElementSyntax expressionElement)
                    {
                        elements.Add(expressionElement.Expression);
                    }
                }

                return elements;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } }:
                return Array.Empty<ExpressionSyntax>();
            default:
                return null;
        }
    }

    private static bool IsEmptyArray(ArrayCreationExpressionSyntax array)
    {
        return array.Type.RankSpecifiers.Count == 1 && array.Type.RankSpecifiers[0].Sizes.Count == 1 &&
            array.Type.RankSpecifiers[0].Sizes[0] is LiteralExpressionSyntax { Token.Value: 0 };
    }
}

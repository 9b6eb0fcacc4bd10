using Microsoft.CodeAnalysis;

namespace Stm.Analyzers.Infrastructure;

/// <summary>Builds descriptors the same way for every rule, so the help link and defaults cannot drift.</summary>
internal static class DescriptorFactory
{
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: RuleIdentifiers.GetHelpUri(id),
            customTags: customTags);
    }
}

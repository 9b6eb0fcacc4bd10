using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Stm.Generator.Model;
using Stm.Shared;

namespace Stm.Generator;

public sealed partial class TransactionalGenerator
{
    /// <summary>
    /// The diagnostic ids of the <c>[Experimental]</c> APIs a generated file names. The user suppresses such a diagnostic
    /// where they declare a member of an experimental type (it is an error until suppressed), but the generated accessors
    /// and record members name the type and the members again, in a file the user cannot edit: it suppresses the same ids.
    /// </summary>
    internal static class ExperimentalIds
    {
        private const string ExperimentalAttributeName = "System.Diagnostics.CodeAnalysis.ExperimentalAttribute";

        /// <summary>The ids, sorted, from the members of <paramref name="type"/>, their types and the types' assemblies.</summary>
        public static EquatableArray<string> Collect(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var ids = new SortedSet<string>(StringComparer.Ordinal);
            foreach (ISymbol member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };

                if (memberType is null)
                {
                    continue;
                }

                AddFrom(member, ids);
                TransactionalChecks.ContainsType(memberType, t =>
                {
                    AddFrom(t.OriginalDefinition, ids);
                    if (t.ContainingAssembly is { } assembly)
                    {
                        AddFrom(assembly, ids);
                    }

                    return false; // visit every part of the type
                });
            }

            return new EquatableArray<string>([.. ids]);
        }

        private static void AddFrom(ISymbol symbol, SortedSet<string> ids)
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == ExperimentalAttributeName
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string id
                    && IsPragmaIdentifier(id))
                {
                    ids.Add(id);
                }
            }
        }

        /// <summary>Only ids a <c>#pragma warning disable</c> line can name (letters, digits, underscores).</summary>
        private static bool IsPragmaIdentifier(string id)
        {
            if (id.Length == 0)
            {
                return false;
            }

            foreach (char c in id)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

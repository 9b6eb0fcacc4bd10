using System;
using Stm.Generator.Helpers;
using Stm.Generator.Model;

namespace Stm.Generator;

public sealed partial class TransactionalGenerator
{
    internal static partial class Emitter
    {
        private const string EqualityComparer = "global::System.Collections.Generic.EqualityComparer";

        /// <summary>
        /// The record members the compiler would synthesize from <em>fields</em>, rewritten to go through the
        /// properties (the current values) and to give a <c>with</c> copy its own header.
        /// </summary>
        private static void WriteRecordMembers(SourceWriter writer, TransactionalTypeSpec spec, RecordSpec record, Action separate)
        {
            string unsafeModifier = record.IsUnsafe ? "unsafe " : "";
            if (record.EmitCopyConstructor)
            {
                separate();
                WriteCopyConstructor(writer, spec, record, unsafeModifier);
            }

            if (record.EmitEquals)
            {
                separate();
                WriteEquals(writer, spec, record, unsafeModifier);
            }

            if (record.EmitGetHashCode)
            {
                separate();
                WriteGetHashCode(writer, record, unsafeModifier);
            }

            if (record.EmitPrintMembers)
            {
                separate();
                WritePrintMembers(writer, spec, record, unsafeModifier);
            }
        }

        private static void WriteCopyConstructor(SourceWriter writer, TransactionalTypeSpec spec, RecordSpec record, string unsafeModifier)
        {
            writer.Line("/// <summary>");
            writer.Line("/// Copies <paramref name=\"original\"/> for a <c>with</c> expression. The copy gets its own STM header (the");
            writer.Line("/// field initializer of <c>__stm</c>, or the base copy constructor) and the current values of the properties.");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"original\">The record being copied.</param>");
            writer.Line(GeneratedCodeAttribute);
            if (record.SetsRequiredMembers)
            {
                writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
                writer.Line("#pragma warning disable CS8618 // required transactional properties are set through their backing fields");
            }

            writer.Line((spec.IsSealed ? "private " : "protected ") + unsafeModifier + spec.ConstructorName + "(" + spec.FullyQualifiedName + " original)");
            if (record.BaseRecordType is not null)
            {
                writer.Line("    : base(original)");
            }

            writer.Open();
            foreach (RecordMemberSpec member in record.Members)
            {
                switch (member.Kind)
                {
                    case RecordMemberKind.Field:
                    case RecordMemberKind.AutoProperty:
                        writer.Line("this." + member.Name + " = original." + member.Name + ";");
                        break;
                    case RecordMemberKind.TransactionalProperty:
                        // The copy is not visible to anyone yet: its backing field is set directly.
                        writer.Line("this." + member.BackingFieldName + " = original." + member.Name + ";");
                        break;
                }
            }

            writer.Close();
            if (record.SetsRequiredMembers)
            {
                writer.Line("#pragma warning restore CS8618");
            }
        }

        private static void WriteEquals(SourceWriter writer, TransactionalTypeSpec spec, RecordSpec record, string unsafeModifier)
        {
            writer.Line("/// <inheritdoc/>");
            writer.Line(GeneratedCodeAttribute);
            writer.Line("public " + (spec.IsSealed ? "" : "virtual ") + unsafeModifier + "bool Equals(" + spec.FullyQualifiedName + "? other)");
            writer.Open();
            writer.Line("return (object)this == other");
            writer.Line("    || (other is not null");
            string baseCheck = record.BaseRecordType is null
                ? "this.EqualityContract == other.EqualityContract"
                : "base.Equals((" + record.BaseRecordType + "?)other)";
            string pending = "        && " + baseCheck;
            foreach (RecordMemberSpec member in record.Members)
            {
                if (member.Kind == RecordMemberKind.ComputedProperty || member.IsPointer)
                {
                    continue;
                }

                writer.Line(pending);
                pending = "        && " + EqualityComparer + "<" + member.Type + ">.Default.Equals(this." + member.Name + ", other." + member.Name + ")";
            }

            writer.Line(pending + ");");
            writer.Close();
        }

        private static void WriteGetHashCode(SourceWriter writer, RecordSpec record, string unsafeModifier)
        {
            writer.Line("/// <inheritdoc/>");
            writer.Line(GeneratedCodeAttribute);
            writer.Line("public override " + unsafeModifier + "int GetHashCode()");
            writer.Open();
            writer.Line("unchecked");
            writer.Open();
            writer.Line(record.BaseRecordType is null
                ? "int hash = " + EqualityComparer + "<global::System.Type>.Default.GetHashCode(this.EqualityContract);"
                : "int hash = base.GetHashCode();");
            foreach (RecordMemberSpec member in record.Members)
            {
                if (member.Kind == RecordMemberKind.ComputedProperty || member.IsPointer)
                {
                    continue;
                }

                writer.Line("hash = (hash * -1521134295) + " + EqualityComparer + "<" + member.Type + ">.Default.GetHashCode(this." + member.Name + (member.IsValueType ? "" : "!") + ");");
            }

            writer.Line("return hash;");
            writer.Close();
            writer.Close();
        }

        private static void WritePrintMembers(SourceWriter writer, TransactionalTypeSpec spec, RecordSpec record, string unsafeModifier)
        {
            string modifiers = record.BaseRecordType is not null
                ? (spec.IsSealed ? "protected sealed override " : "protected override ")
                : (spec.IsSealed ? "private " : "protected virtual ");
            writer.Line("/// <summary>Appends the members to <paramref name=\"builder\"/> for <c>ToString</c>, reading the current values.</summary>");
            writer.Line("/// <param name=\"builder\">The text being built.</param>");
            writer.Line("/// <returns><see langword=\"true\"/> if anything was appended.</returns>");
            writer.Line(GeneratedCodeAttribute);
            writer.Line(modifiers + unsafeModifier + "bool PrintMembers(global::System.Text.StringBuilder builder)");
            writer.Open();
            writer.Line("global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();");
            bool any = false;
            foreach (RecordMemberSpec member in record.Members)
            {
                if (!member.IsPrinted || member.IsPointer)
                {
                    continue;
                }

                if (!any && record.BaseRecordType is not null)
                {
                    writer.Line("if (base.PrintMembers(builder))");
                    writer.Open();
                    writer.Line("builder.Append(\", \");");
                    writer.Close();
                    writer.Line();
                }
                else if (any)
                {
                    writer.Line("builder.Append(\", \");");
                }

                any = true;
                string nameLiteral = member.NameLiteral.Substring(0, member.NameLiteral.Length - 1) + " = \"";
                writer.Line("builder.Append(" + nameLiteral + ");");
                writer.Line(member.IsValueType
                    ? "builder.Append(this." + member.Name + ".ToString());"
                    : "builder.Append((object?)this." + member.Name + ");");
            }

            writer.Line(any ? "return true;" : record.BaseRecordType is not null ? "return base.PrintMembers(builder);" : "return false;");
            writer.Close();
        }
    }
}

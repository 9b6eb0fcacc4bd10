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

            foreach (RecordMemberSpec member in record.Members)
            {
                if (member.Access != RecordMemberAccess.Name)
                {
                    separate();
                    WriteAccessor(writer, spec, member);
                }
            }
        }

        /// <summary>How the record members read <paramref name="member"/> of <paramref name="receiver"/> (<c>this</c> or <c>original</c>).</summary>
        private static string Reach(RecordMemberSpec member, string receiver) =>
            member.Access == RecordMemberAccess.Name ? receiver + "." + member.Name : member.AccessorName + "(" + receiver + ")";

        /// <summary>
        /// The value handed to the equality comparer: a <c>dynamic</c> argument would bind the call at run time and make
        /// its result <c>dynamic</c> too, which also loses the null state of <c>other</c> for the members after it.
        /// </summary>
        private static string Compared(RecordMemberSpec member, string receiver) =>
            member.IsDynamic ? "(object?)" + Reach(member, receiver) : Reach(member, receiver);

        /// <summary>
        /// An <c>[UnsafeAccessor]</c> for a member C# cannot name here (see <see cref="RecordMemberAccess"/>): the runtime binds
        /// it to the field or getter by its metadata name, as the compiler's own record members would reach it.
        /// </summary>
        private static void WriteAccessor(SourceWriter writer, TransactionalTypeSpec spec, RecordMemberSpec member)
        {
            bool field = member.Access == RecordMemberAccess.Field;
            writer.Line("/// <summary>Reaches " + (field ? "the field behind " : "the getter of ") + "<c>" + member.Name.Replace("<", "&lt;").Replace(">", "&gt;")
                + "</c> for the record members: an <c>[Obsolete]</c> error or an explicit interface implementation, which C# cannot name here.</summary>");
            writer.Line("/// <param name=\"self\">The record to read.</param>");
            writer.Line("/// <returns>" + (field ? "The field itself." : "The property's value.") + "</returns>");
            writer.Line(GeneratedCodeAttribute);
            writer.Line("[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind."
                + (field ? "Field" : "Method") + ", Name = " + member.AccessorTarget + ")]");
            writer.Line("private static extern " + (member.IsPointer ? "unsafe " : "") + (field ? "ref " : "") + member.Type + " " + member.AccessorName + "(" + spec.FullyQualifiedName + " self);");
        }

        private static bool HasAccessors(RecordSpec record)
        {
            foreach (RecordMemberSpec member in record.Members)
            {
                if (member.Access != RecordMemberAccess.Name)
                {
                    return true;
                }
            }

            return false;
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
            }

            // Required transactional properties are set through their backing fields, and members C# cannot name
            // through accessors: the flow analysis sees neither.
            bool suppressUnassigned = record.SetsRequiredMembers || HasAccessors(record);
            if (suppressUnassigned)
            {
                writer.Line("#pragma warning disable CS8618 // every member is copied, some where the flow analysis cannot see it");
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
                        writer.Line(Reach(member, "this") + " = " + Reach(member, "original") + ";");
                        break;
                    case RecordMemberKind.TransactionalProperty:
                        // The copy is not visible to anyone yet: its backing field is set directly.
                        writer.Line("this." + member.BackingFieldName + " = " + Reach(member, "original") + ";");
                        break;
                }
            }

            writer.Close();
            if (suppressUnassigned)
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
                pending = "        && " + EqualityComparer + "<" + member.Type + ">.Default.Equals(" + Compared(member, "this") + ", " + Compared(member, "other") + ")";
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

                writer.Line("hash = (hash * -1521134295) + " + EqualityComparer + "<" + member.Type + ">.Default.GetHashCode(" + Compared(member, "this") + (member.IsValueType ? "" : "!") + ");");
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
                    ? "builder.Append(" + Reach(member, "this") + ".ToString());"
                    : "builder.Append((object?)" + Reach(member, "this") + ");");
            }

            writer.Line(any ? "return true;" : record.BaseRecordType is not null ? "return base.PrintMembers(builder);" : "return false;");
            writer.Close();
        }
    }
}

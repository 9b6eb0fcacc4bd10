using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace Stm.Runtime.Tests.PublicApi;

/// <summary>
/// The exported surface of Stm.Runtime, compared with the checked-in <c>Stm.Runtime.api.txt</c>. A change to
/// the public API must be deliberate: rerun with <c>STM_ACCEPT=1</c> (ignored when <c>CI=true</c>) and commit
/// the updated file.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void Public_surface_matches_the_approved_file()
    {
        string actual = Describe(typeof(Atomic).Assembly);
        string path = Path.Combine(SourceDirectory(), "Stm.Runtime.api.txt");
        bool accept = Environment.GetEnvironmentVariable("STM_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        if (accept || !File.Exists(path))
        {
            File.WriteAllText(path, actual);
        }

        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(expected == actual, "The public API changed. If on purpose, run the tests with STM_ACCEPT=1 and commit Stm.Runtime.api.txt.\n" + Diff(expected, actual));
    }

    [Fact]
    public void Every_public_type_has_a_namespace_from_the_product()
    {
        string[] allowed = ["Stm", "Stm.Collections", "Stm.Internal"];
        Assert.All(typeof(Atomic).Assembly.GetExportedTypes(), t => Assert.Contains(t.Namespace, allowed));
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            Type[] bases = new[] { type.BaseType }.Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && b != typeof(MulticastDelegate))
                .Concat(type.GetInterfaces().OrderBy(i => Name(i), StringComparer.Ordinal))!.ToArray()!;
            if (bases.Length > 0)
            {
                text.Append(" : ").Append(string.Join(", ", bases.Select(Name)));
            }

            text.Append('\n');
            foreach (string member in Members(type).OrderBy(m => m, StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (MemberInfo member in type.GetMembers(flags))
        {
            switch (member)
            {
                case ConstructorInfo c when Visible(c):
                    yield return $"{Access(c)}ctor({Parameters(c)})";
                    break;
                case MethodInfo m when Visible(m) && !m.IsSpecialName:
                    yield return $"{Access(m)}{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{Generics(m)}({Parameters(m)})";
                    break;
                case PropertyInfo p when (p.GetMethod is { } g && Visible(g)) || (p.SetMethod is { } s && Visible(s)):
                    MethodInfo accessor = (p.GetMethod is { } get && Visible(get) ? get : p.SetMethod)!;
                    string accessors = (p.GetMethod is { } pg && Visible(pg) ? "get; " : "") + (p.SetMethod is { } ps && Visible(ps) ? "set; " : "");
                    string indexer = p.GetIndexParameters().Length > 0 ? "[" + string.Join(", ", p.GetIndexParameters().Select(i => Name(i.ParameterType))) + "]" : "";
                    yield return $"{Access(accessor)}{(accessor.IsStatic ? "static " : "")}{Name(p.PropertyType)} {p.Name}{indexer} {{ {accessors}}}";
                    break;
                case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                    yield return $"{(f.IsPublic ? "public " : "protected ")}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}";
                    break;
                case EventInfo e when e.AddMethod is { } add && Visible(add):
                    yield return $"{Access(add)}event {Name(e.EventHandlerType!)} {e.Name}";
                    break;
            }
        }
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Access(MethodBase m) => m.IsPublic ? "public " : "protected ";

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : typeof(Delegate).IsAssignableFrom(t) ? "delegate"
        : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";

    private static string Generics(MethodInfo m) =>
        m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p =>
        (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "") + Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")));

    private static string Name(Type t)
    {
        if (t.IsByRef)
        {
            return Name(t.GetElementType()!);
        }

        if (t.IsArray)
        {
            return Name(t.GetElementType()!) + "[]";
        }

        if (t.IsGenericParameter)
        {
            return t.Name;
        }

        string name = t.IsNested ? Name(t.DeclaringType!) + "." + t.Name : (t.Namespace is null ? "" : t.Namespace + ".") + t.Name;
        if (!t.IsGenericType)
        {
            return name;
        }

        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", t.GetGenericArguments().Select(Name)) + ">";
    }

    private static string Diff(string expected, string actual)
    {
        var e = new HashSet<string>(expected.Split('\n'));
        var a = new HashSet<string>(actual.Split('\n'));
        return string.Join("\n", a.Except(e).Select(l => "+ " + l).Concat(e.Except(a).Select(l => "- " + l)).Take(60));
    }

    // Not [CallerFilePath]: CI builds (ContinuousIntegrationBuild) map source paths to /_/.
    private static string SourceDirectory()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Stm.Runtime.Tests.csproj")))
            {
                return Path.Combine(directory.FullName, "PublicApi");
            }
        }

        throw new InvalidOperationException("Stm.Runtime.Tests.csproj not found above " + AppContext.BaseDirectory);
    }
}

using System.Reflection;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

/// <summary>
/// Record members the generated equality, printing and copy constructor reach without naming them (an <c>[Obsolete]</c>
/// error, an explicit interface implementation), and members of odd types (<c>dynamic</c>), against what the compiler's
/// own record members do. The obsolete members are set by reflection: naming them is an error in C#.
/// </summary>
public class UnnameableRecordMemberTests
{
    [Fact]
    public void With_copies_obsolete_and_explicit_interface_members()
    {
        Legacy original = Fill(new Legacy(), age: 3, note: "n", balance: 5, code: 8);
        original.Owner = "Ann";

        Legacy copy = original with { Owner = "Bo" };

        Assert.Equal(3, Get<int>(copy, "OldAge"));
        Assert.Equal("n", Get<string>(copy, "OldNote"));
        Assert.Equal(5, Get<int>(copy, "OldBalance"));
        Assert.Equal(8, ((IHasCode)copy).Code);
        Assert.Equal("label", ((IHasLabel<string>)copy).Label);
        Assert.Equal("Bo", copy.Owner);

        // The copy's transactional property is its own: writing it leaves the original alone.
        Atomic.Run(() => Set(copy, "OldBalance", 6));
        Assert.Equal(5, Get<int>(original, "OldBalance"));
        Assert.Equal(6, Get<int>(copy, "OldBalance"));
    }

    [Fact]
    public void Equality_and_hash_code_include_obsolete_and_explicit_interface_members()
    {
        Legacy a = Fill(new Legacy(), age: 3, note: "n", balance: 5, code: 8);
        Legacy b = Fill(new Legacy(), age: 3, note: "n", balance: 5, code: 8);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        ((IHasCode)b).Code = 9;
        Assert.NotEqual(a, b);
        ((IHasCode)b).Code = 8;
        Assert.Equal(a, b);

        Atomic.Run(() => Set(b, "OldBalance", 4));
        Assert.NotEqual(a, b);
        Atomic.Run(() => Set(b, "OldBalance", 5));
        Assert.Equal(a, b);

        Set(b, "OldNote", "m");
        Assert.NotEqual(a, b);
        Set(b, "OldNote", "n");

        Legacy c = b with { };
        Set(c, "OldAge", 4);
        Assert.NotEqual(a, c);
        Set(c, "OldAge", 3);
        Assert.Equal(a, c);
    }

    [Fact]
    public void ToString_prints_what_the_compiler_s_record_prints()
    {
        Legacy generated = Fill(new Legacy(), age: 3, note: "n", balance: 5, code: 8);
        generated.Owner = "Ann";
        PlainLegacy plain = Fill(new PlainLegacy(), age: 3, note: "n", balance: 5, code: 8);
        plain.Owner = "Ann";

        Assert.Equal(plain.ToString().Replace("PlainLegacy", "Legacy", System.StringComparison.Ordinal), generated.ToString());
        Assert.Contains("OldAge = 3", generated.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("Constant = 7", generated.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Dynamic_members_compare_by_their_values()
    {
        var a = new Bag { Loose = "x", Value = 3, After = 1 };
        var b = new Bag { Loose = "x", Value = 3, After = 1 };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        Atomic.Run(() => b.After = 2);
        Assert.NotEqual(a, b);
        Atomic.Run(() => b.After = 1);
        Atomic.Run(() => b.Value = "3");
        Assert.NotEqual(a, b);
        Assert.Equal("Bag { Loose = x, Value = 3, After = 1 }", b.ToString());
    }

    [Fact]
    public void A_hand_written_copy_constructor_runs_and_its_copy_is_independent()
    {
        var original = new Named("Cy");
        Named copy = Atomic.Run(() => original with { });
        Assert.Equal("Cy (copy)", copy.Name);
        Assert.Equal("none", copy.Tags);

        copy.Tags = "t";
        Atomic.Run(() => copy.Name = "Di");
        Assert.Equal("Cy", original.Name);
        Assert.Equal("none", original.Tags);
        Assert.Equal("Di", copy.Name);
    }

    [Fact]
    public void Field_keyword_backing_fields_are_copied_compared_and_printed_as_the_compiler_does()
    {
        var original = new Limits { Limit = 5, Label = "a", Clamped = 3, Count = 2 };
        Limits copy = original with { Count = 4 };
        Assert.Equal(5, copy.Limit);
        Assert.Equal("a", copy.Label);
        Assert.Equal(3, copy.Clamped);
        Assert.Equal(4, copy.Count);

        Assert.Equal(original, copy with { Count = 2 });
        Limits other = copy with { Count = 2 };
        other.Clamped = 9;
        Assert.NotEqual(original, other);

        var plain = new PlainLimits { Limit = 5, Label = "a", Clamped = 3, Count = 2 };
        Assert.Equal(plain.ToString().Replace("PlainLimits", "Limits", System.StringComparison.Ordinal), original.ToString());
    }

    private static T Fill<T>(T record, int age, string note, int balance, int code)
        where T : IHasCode
    {
        typeof(T).GetProperty("OldAge")!.SetValue(record, age);
        typeof(T).GetField("OldNote")!.SetValue(record, note);
        typeof(T).GetProperty("OldBalance")!.SetValue(record, balance);
        typeof(T).GetProperty("Stm.Generated.Tests.Model.IHasLabel<System.String>.Label", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(record, "label");
        record.Code = code;
        return record;
    }

    private static T Get<T>(object record, string name) =>
        (T)(record.GetType().GetProperty(name)?.GetValue(record) ?? record.GetType().GetField(name)!.GetValue(record))!;

    private static void Set(object record, string name, object value)
    {
        if (record.GetType().GetProperty(name) is { } property)
        {
            property.SetValue(record, value);
        }
        else
        {
            record.GetType().GetField(name)!.SetValue(record, value);
        }
    }
}

using System.Collections.Generic;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

/// <summary>
/// A field-like event is record state: the compiler's copy constructor copies its delegate and its equality compares it.
/// The generated record members must do the same (they once left it out: a <c>with</c> copy lost its subscribers).
/// </summary>
public class RecordEventTests
{
    [Fact]
    public void With_keeps_the_subscribers_of_a_field_like_event_as_a_plain_record_does()
    {
        var heard = new List<string>();
        var original = new Notifier("a");
        original.Changed += heard.Add;
        var plain = new PlainNotifier("a");
        plain.Changed += heard.Add;

        Notifier copy = original with { Name = "b" };
        PlainNotifier plainCopy = plain with { Name = "pb" };
        copy.Raise();
        plainCopy.Raise();

        Assert.Equal(new[] { "b", "pb" }, heard);
    }

    [Fact]
    public void Equality_compares_the_event_as_a_plain_record_does()
    {
        System.Action<string> handler = _ => { };
        var a = new Notifier("x");
        var b = new Notifier("x");
        var plainA = new PlainNotifier("x");
        var plainB = new PlainNotifier("x");
        Assert.Equal(a, b);
        Assert.Equal(plainA, plainB);

        a.Changed += handler;
        plainA.Changed += handler;
        Assert.Equal(plainA == plainB, a == b); // the compiler's equality compares the delegate field: not equal
        Assert.NotEqual(a, b);

        b.Changed += handler;
        plainB.Changed += handler;
        Assert.Equal(plainA == plainB, a == b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}

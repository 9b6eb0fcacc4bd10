using System;
using System.Globalization;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

/// <summary>
/// A generated setter skips a write of the value the property holds (a silent write), and only that: a value that
/// Equals the held one but differs from it must be stored.
/// </summary>
public class SilentWriteTests
{
    /// <summary>Equal by key only, as many entity-like structs are.</summary>
    private readonly struct Keyed(int id, string name) : IEquatable<Keyed>
    {
        public int Id => id;

        public string Name => name;

        public bool Equals(Keyed other) => Id == other.Id;

        public override bool Equals(object? obj) => obj is Keyed other && Equals(other);

        public override int GetHashCode() => Id;
    }

    [Fact]
    public void Values_that_Equal_the_held_one_are_stored_inside_a_transaction()
    {
        var price = new Cell<decimal> { Value = 1.0m };
        var when = new Cell<DateTime> { Value = new DateTime(2024, 1, 1) };
        var at = new Cell<DateTimeOffset> { Value = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero) };
        var ratio = new Cell<(double? Share, int Rank)> { Value = (0.0, 1) };
        var pair = new Cell<(double, int)> { Value = (0.0, 1) };
        var key = new Cell<Keyed> { Value = new Keyed(1, "old") };

        Atomic.Run(() =>
        {
            price.Value = 1.00m;
            when.Value = DateTime.SpecifyKind(when.Value, DateTimeKind.Utc);
            at.Value = new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2));
            ratio.Value = (-0.0, 1);
            pair.Value = (-0.0, 1);
            key.Value = new Keyed(1, "new");
        });

        Assert.Equal("1.00", price.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeKind.Utc, when.Value.Kind);
        Assert.Equal(TimeSpan.FromHours(2), at.Value.Offset);
        Assert.True(double.IsNegative(ratio.Value.Share!.Value));
        Assert.True(double.IsNegative(pair.Value.Item1));
        Assert.Equal("new", key.Value.Name);
    }

    [Fact]
    public void Values_that_Equal_the_held_one_are_stored_outside_transactions()
    {
        var price = new Cell<decimal> { Value = 2.0m };
        var key = new Cell<Keyed> { Value = new Keyed(1, "old") };

        price.Value = 2.000m;
        key.Value = new Keyed(1, "new");

        Assert.Equal("2.000", price.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("new", key.Value.Name);
    }
}

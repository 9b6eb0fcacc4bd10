using System.Linq;
using System.Threading;
using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

public class HierarchyTests
{
    [Fact]
    public void Base_and_derived_properties_of_one_object_are_isolated_together()
    {
        Truck[] trucks = Enumerable.Range(0, 8).Select(i => new Truck { Name = "t" + i }).ToArray();
        Thread[] threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var random = new System.Random(t);
            for (int i = 0; i < 10_000; i++)
            {
                Truck truck = trucks[random.Next(trucks.Length)];
                Atomic.Run(() =>
                {
                    // Speed (base) and Load (derived) move together: their sum stays even.
                    truck.Speed += 1;
                    truck.Load += 1;
                });
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(40_000, trucks.Sum(t => t.Speed));
        Assert.All(trucks, t => Assert.Equal(t.Speed, t.Load));
    }

    [Fact]
    public void Generic_instantiations_are_separate_transactional_types()
    {
        var ints = new Cell<int> { Value = 1 };
        var doubles = new Cell<double> { Value = 0.5 };
        Atomic.Run(() =>
        {
            ints.Value += 1;
            doubles.Value *= 4;
        });
        Assert.Equal(2, ints.Value);
        Assert.Equal(2.0, doubles.Value);
    }
}

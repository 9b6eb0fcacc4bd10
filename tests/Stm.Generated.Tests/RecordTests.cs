using Stm.Generated.Tests.Model;
using Xunit;

namespace Stm.Generated.Tests;

public class RecordTests
{
    [Fact]
    public void Equality_compares_the_current_property_values()
    {
        var a = new Person("Ann") { Age = 30, City = "Oslo" };
        var b = new Person("Ann") { Age = 30, City = "Oslo" };
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        Atomic.Run(() => b.Age = 31); // committed as a new state copy: the object's own fields are stale now
        Assert.NotEqual(a, b);
        Atomic.Run(() => a.Age = 31);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Derived_records_compare_base_and_own_members_and_their_type()
    {
        var e1 = new Employee("Bo", "Acme") { Age = 40, Salary = 10m };
        var e2 = new Employee("Bo", "Acme") { Age = 40, Salary = 10m };
        Assert.Equal(e1, e2);
        Atomic.Run(() => e2.Salary = 11m);
        Assert.NotEqual(e1, e2);
        Atomic.Run(() => e2.Salary = 10m);
        Atomic.Run(() => e2.Age = 41);
        Assert.NotEqual(e1, e2);

        Person asPerson = new Person("Bo") { Age = 40 };
        Assert.NotEqual(asPerson, (Person)e1);
    }

    [Fact]
    public void With_copies_current_values_into_an_independent_object()
    {
        var original = new Person("Cy") { Age = 20, City = "Rome" };
        Atomic.Run(() => original.Age = 21);

        Person copy = original with { City = "Paris" };
        Assert.Equal(21, copy.Age);
        Assert.Equal("Paris", copy.City);
        Assert.Equal("Rome", original.City);

        // The copy has its own header: writing it does not touch the original, in or out of transactions.
        Atomic.Run(() => copy.Age = 50);
        copy.Age = 51;
        Assert.Equal(21, original.Age);
        Assert.Equal(51, copy.Age);
    }

    [Fact]
    public void With_inside_a_transaction_sees_the_transaction_s_own_writes()
    {
        var original = new Employee("Di", "Initech") { Age = 33, Salary = 5m };
        Employee copy = Atomic.Run(() =>
        {
            original.Salary = 6m;
            return original with { Company = "Initrode" };
        });

        Assert.Equal(6m, copy.Salary);
        Assert.Equal(33, copy.Age);
        Assert.Equal("Initrode", copy.Company);
        Assert.Equal(6m, original.Salary);
    }

    [Fact]
    public void ToString_prints_the_current_values()
    {
        var person = new Person("Ed") { Age = 1 };
        Atomic.Run(() => person.Age = 2);
        Assert.Equal("Person { Name = Ed, Age = 2, City =  }", person.ToString());

        var employee = new Employee("Flo", "Umbrella") { Age = 3, Salary = 4m };
        Assert.Equal("Employee { Name = Flo, Age = 3, City = , Company = Umbrella, Salary = 4 }", employee.ToString());
    }
}

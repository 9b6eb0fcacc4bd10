//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using System;
using System.Collections.Generic;
using Stm;
namespace N;
public interface IThing { }
[Transactional]
public partial class C<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>
    where T1 : struct
    where T2 : class
    where T3 : class?
    where T4 : notnull
    where T5 : unmanaged
    where T6 : new()
    where T7 : IThing, IDisposable
    where T8 : Enum
    where T9 : T1?
    where T10 : allows ref struct
{
    public partial T1 A { get; set; }
    public partial T1? A2 { get; set; }
    public partial T2 B { get; set; }
    public partial T2? B2 { get; set; }
    public partial T3 C3 { get; set; }
    public partial T4 D { get; set; }
    public partial T5 E { get; set; }
    public partial T6 F { get; set; }
    public partial T7 G { get; set; }
    public partial T8 H { get; set; }
    public partial T9 I { get; set; }
    public partial T10 J { get; set; }
    public partial List<T10> K { get; set; }
    public partial Func<T10>? L { get; set; }
}
[Transactional]
public partial class Sub<T> : C<int, string, string?, object, byte, object, IThingImpl, DayOfWeek, int, T> where T : allows ref struct
{
    public partial T? X { get; set; }
}
public sealed class IThingImpl : IThing, IDisposable { public void Dispose() { } }

// expect-files: 1
using System;
using Stm;
[Transactional]
public partial class Busy
{
    public const int Max = 10;
    public static int Shared;
    public int Mutable;
    public readonly int Fixed;
    public int Auto { get; set; }
    public int Computed => Mutable + 1;
    public event EventHandler? Changed;
    public partial int Tracked { get; set; }
    public void Raise() => Changed?.Invoke(this, EventArgs.Empty);
    public static Busy operator +(Busy a, Busy b) => a;
    public class Nested { }
    public delegate void D();
    ~Busy() { }
    partial void Hook();
    public int this[int i] => i;
}

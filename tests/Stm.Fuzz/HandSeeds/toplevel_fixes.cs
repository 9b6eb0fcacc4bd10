//// CONFIG: Preview Enable ConsoleApplication
//// FILE: Program.cs
using System;
using System.IO;
using System.Threading.Tasks;
using Stm;

var box = new Box();
box.Value += 1;
box.Name ??= "b";
Atomic.Run(() => Console.WriteLine(box.Value));
var queue = new TransactionQueue();
queue.Add(() => { box.Value++; File.WriteAllText("x", "y"); });
queue.Run();
Atomic.ForEach(new[] { 1, 2 }, i => { box.Value += i; Console.Write(i); });
await Task.Yield();
Bump(box);
Console.WriteLine(Local());

static void Bump(Box b) => b.Value *= 2;
int Local() => Atomic.Run(() => { Console.WriteLine("in"); return box.Value; });

[Transactional]
partial class Box
{
    public partial int Value { get; set; }
    public partial string? Name { get; set; }
    public int Mutable;
}

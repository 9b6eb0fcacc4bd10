//// CONFIG: Preview Enable ConsoleApplication
//// FILE: Program.cs
using Stm;
var c = new C();
Atomic.Run(() => { c.P += 1; System.Console.WriteLine(c.P); });
c.P++;
Atomic.Run(() => { c.Q = new Inner(); });
[Transactional] partial class C { public partial int P { get; set; } public partial Inner? Q { get; set; } }
partial class Program { [Transactional] public partial class InProg { public partial int Z { get; set; } } }
class Inner { public int X { get; set; } }

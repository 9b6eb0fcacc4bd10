//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N;
public class Outer
{
    public class Mid
    {
        [Transactional]
        public class Inner { public int F; public int P { get; set; } public partial int Q { get; set; } }
    }
}
[Transactional] public static class St { }
[Transactional] public struct Str { public int F; }
[Transactional] public record struct RS(int A);
[Transactional] public interface II { }
[Transactional] file partial class Fl { public partial int P { get; set; } }
[Transactional] public enum En { A }
[Transactional] public delegate void Del();

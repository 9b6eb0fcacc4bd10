//// CONFIG: Preview Enable DynamicallyLinkedLibrary
//// FILE: A.cs
using Stm;
namespace N
{
    public partial class Outer<T>
    {
        public partial class Mid<U> where U : T
        {
            [Transactional]
            public partial class Inner<V> : Outer<V>.Mid<V>
            {
                public partial T? A { get; set; }
                public partial U? B { get; set; }
                public partial V? C { get; set; }
                public partial Outer<U>.Mid<U>? D { get; set; }
            }
        }
        public partial struct S<W>
        {
            [Transactional] public partial class InS { public partial W? X { get; set; } public partial T? Y { get; set; } }
        }
        public ref partial struct RS
        {
            [Transactional] public partial class InRef { public partial int X { get; set; } }
        }
        public readonly partial struct ROS
        {
            [Transactional] public partial class InRO { public partial int X { get; set; } }
        }
        public partial record struct RRS
        {
            [Transactional] public partial class InRRS { public partial int X { get; set; } }
        }
        public partial interface IF<in Z>
        {
            [Transactional] public partial class InIF { public partial int X { get; set; } }
        }
        public static partial class SC
        {
            [Transactional] public partial class InStatic { public partial int X { get; set; } }
        }
        public abstract partial record AR<Q>(Q Item)
        {
            [Transactional] public partial class InRec { public partial Q? X { get; set; } }
        }
    }
}

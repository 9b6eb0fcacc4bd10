// expect-files: 0
// A variance modifier on a class's type parameter (CS1960): the generated declaration repeated it, and the error.
namespace N
{
    [Stm.Transactional] public partial class G<in T> { public partial int X { get; set; } }
    public partial class Outer<out T> { [Stm.Transactional] public partial class Inner { public partial int Y { get; set; } } }
}

// expect-files: 0
// A containing type without a name (CS1001): the generated file opened a nameless type and named it in casts (CS0118,
// CS0119, CS1002).
namespace N { public partial class { [Stm.Transactional] public partial class Inner { public partial int X { get; set; } } } }

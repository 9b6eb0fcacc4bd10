// expect-files: 0
// An outer type declared as a class part and a struct part (CS0261) makes two outer types, each holding its own
// [Transactional] Inner with the same file name (the generator threw, CS8785).
using Stm;

namespace Corpus.NestedInPartsOfDifferentKinds;

partial class Outer { [Transactional] partial class Inner { partial int X { get; set; } } }
partial struct Outer { [Transactional] partial class Inner { partial int Y { get; set; } } }

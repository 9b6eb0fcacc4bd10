// expect-files: 0
// Partial declarations of one name as a class and as a record (CS0261) are two distinct types to Roslyn, each
// [Transactional], with one file name: emitting both added a hint name twice and the generator threw (CS8785).
using Stm;

namespace Corpus.PartsOfDifferentKinds;

[Transactional] partial class C { partial int X { get; set; } }
[Transactional] partial record C { partial int Y { get; set; } }

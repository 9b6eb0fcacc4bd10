// expect-files: 0
// A class declaration without a name (CS1001): the generated file had no name either ('.g.cs') and added errors of
// its own.
using Stm;

namespace Corpus.MissingTypeName;

[Transactional] partial class { partial int Y { get; set; } }

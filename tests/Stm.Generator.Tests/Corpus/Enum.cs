// expect-files: 0
using Stm;
[Transactional]
public enum Color { Red }

// expect-files: any
[Stm.Transactional]

// expect-files: 0


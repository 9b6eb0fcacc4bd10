using Xunit;

// The tests measure process-wide statistics and start their own threads: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

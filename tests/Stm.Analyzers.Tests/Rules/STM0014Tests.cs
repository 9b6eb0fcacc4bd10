using System.Threading.Tasks;
using Stm.Analyzers.Rules;
using Stm.Analyzers.Tests.Harness;
using Xunit;

namespace Stm.Analyzers.Tests.Rules;

public sealed class STM0014Tests
{
    private static readonly UntrackedWriteInAtomicBlockAnalyzer Analyzer = new();

    [Fact]
    public Task Reports_static_fields_and_fields_of_pre_existing_objects() => Verify.DiagnosticsAsync(Analyzer, """
        using Stm;

        internal sealed class Stats
        {
            public int Hits;
            public Point Where;
        }

        internal struct Point
        {
            public int X;
        }

        internal sealed class Cache
        {
            private static int s_total;
            private int _count;

            public void Touch(Stats stats)
            {
                Atomic.Run(() =>
                {
                    [|s_total|] += 1;
                    [|_count|]++;
                    [|stats.Hits|] = 2;
                    [|stats.Where.X|] = 3;
                });
            }
        }
        """);

    [Fact]
    public Task Ignores_locals_new_objects_transactional_objects_and_code_outside_blocks() => Verify.NoDiagnosticsAsync(Analyzer, """
        using Stm;

        internal sealed class Stats
        {
            public int Hits;
        }

        internal struct Point
        {
            public int X;
        }

        [Transactional]
        internal partial class Account
        {
            public partial long Balance { get; set; }
        }

        internal static class Program
        {
            private static int s_total;
            private const int Limit = 3;

            public static void Main(Stats shared, Account account)
            {
                s_total = 1;
                shared.Hits = 2;
                int local = 0;
                Atomic.Run(() =>
                {
                    local = 5;
                    var fresh = new Stats();
                    fresh.Hits = 1;
                    var made = new Stats { Hits = 4 };
                    Point point = default;
                    point.X = 2;
                    account.Balance += 10;
                    Atomic.OnCommit(() => shared.Hits++);
                });
            }
        }
        """);
}

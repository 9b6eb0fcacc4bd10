using System;
using System.IO;
using System.Threading.Tasks;
using Stm;

namespace Misuse;

/// <summary>Every usage rule, once. Built to be looked at, not run.</summary>
internal static class Program
{
    private static readonly object Gate = new();
    private static int s_transfers;

    public static void Main()
    {
        var from = new Account("ann", 100);
        var to = new Account("bob", 0);
        from.History = new();

        Atomic.Run(() =>
        {
            from.Balance -= 10;
            to.Balance += 10;
            Console.WriteLine("moved 10");            // STM0010: printed once per attempt
            Journal.Save();                           // STM0011: Save() -> WriteLog() -> File.AppendAllText
            Mailer.Send("bob");                       // STM0010: listed in Stm.UnsafeApis.Misuse.txt
            lock (Gate)                               // STM0013: a lock inside a transaction
            {
                s_transfers++;                        // STM0014: a static field is not rolled back
            }
        });

        from.Balance++;                               // STM0015: read and write are two transactions

        try
        {
            WaitForMoney(to);                         // STM0016 inside: Retry outside any transaction throws
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine(e.Message);
        }

#if SHOW_ERRORS
        Atomic.Run(async () => await Task.Delay(1));  // STM0012 (error): the code after 'await' runs outside the transaction
#endif
        _ = Task.CompletedTask;
    }

    private static void WaitForMoney(Account account)
    {
        if (account.Balance == 0)
        {
            Atomic.Retry();                           // STM0016: no atomic block reaches this method
        }
    }
}

internal static class Journal
{
    public static void Save() => WriteLog();

    private static void WriteLog() => File.AppendAllText("journal.log", "saved\n");
}

internal static class Mailer
{
    public static void Send(string to) => _ = to;
}

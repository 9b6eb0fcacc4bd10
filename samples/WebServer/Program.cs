// A small HTTP server over an in-memory ledger: every request is one atomic block (Stm.Atomic.Run), so
// requests run in parallel without locks, and effects that must happen once (the audit log) are deferred
// to Atomic.OnCommit. It listens on loopback only.
//
//   dotnet run -c Release --project samples/WebServer -- --port 5080       serve until Ctrl+C
//   dotnet run -c Release --project samples/WebServer -- --selftest        start, hammer it from N clients, check, exit
//
// Routes: GET /balance/{name}, POST /deposit/{name}/{amount}, POST /transfer/{from}/{to}/{amount}, GET /stats
using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Stm;
using WebServer;

int port = 0;
bool selfTest = args.Contains("--selftest");
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port")
    {
        port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

if (port == 0)
{
    port = FreeLoopbackPort();
}

var ledger = new Ledger();
var log = new CountingLog(echo: !selfTest);
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
Console.WriteLine($"Listening on http://127.0.0.1:{port}/");
using var stopping = new CancellationTokenSource();
Task server = Task.Run(() => Serve(listener, ledger, log, stopping.Token));

if (!selfTest)
{
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); listener.Stop(); };
    try { await server; } catch (HttpListenerException) { } catch (ObjectDisposedException) { }
    return 0;
}

int exitCode = await SelfTest(port, ledger, log);
stopping.Cancel();
listener.Stop();
return exitCode;

static async Task Serve(HttpListener listener, Ledger ledger, IAuditLog log, CancellationToken stop)
{
    while (!stop.IsCancellationRequested)
    {
        HttpListenerContext context;
        try
        {
            context = await listener.GetContextAsync();
        }
        catch (Exception) when (stop.IsCancellationRequested || !listener.IsListening)
        {
            return;
        }

        // Handle on a pool thread: the atomic block runs synchronously there (no await inside it).
        _ = Task.Run(() => Handle(context, ledger, log));
    }
}

static void Handle(HttpListenerContext context, Ledger ledger, IAuditLog log)
{
    string[] parts = context.Request.Url!.AbsolutePath.Trim('/').Split('/');
    string method = context.Request.HttpMethod;
    (int status, string body) = (method, parts) switch
    {
        ("GET", ["balance", var name]) => (200, ledger.Balance(name).ToString(CultureInfo.InvariantCulture)),
        ("POST", ["deposit", var name, var amount]) when long.TryParse(amount, out long a) && a > 0 =>
            (200, ledger.Deposit(name, a).ToString(CultureInfo.InvariantCulture)),
        ("POST", ["transfer", var from, var to, var amount]) when long.TryParse(amount, out long a) && a > 0 =>
            ledger.Transfer(from, to, a, log) ? (200, "ok") : (409, "insufficient funds"),
        ("GET", ["stats"]) => (200, Stats(ledger)),
        _ => (404, "routes: GET /balance/{name}, POST /deposit/{name}/{amount}, POST /transfer/{from}/{to}/{amount}, GET /stats"),
    };

    // The response is I/O: written after the transaction, never inside it.
    byte[] bytes = Encoding.UTF8.GetBytes(body + "\n");
    context.Response.StatusCode = status;
    context.Response.ContentType = "text/plain; charset=utf-8";
    context.Response.OutputStream.Write(bytes);
    context.Response.Close();
}

static string Stats(Ledger ledger)
{
    (long total, long transfers, int accounts) = ledger.Totals();
    StmStatistics stats = Atomic.Statistics;
    return $"accounts {accounts}, total {total}, transfers {transfers}, commits {stats.Commits}, aborts {stats.Aborts}\n{Atomic.ConflictReport}";
}

static async Task<int> SelfTest(int port, Ledger ledger, CountingLog log)
{
    const int Accounts = 10, Clients = 8, RequestsPerClient = 200, Initial = 1_000;
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    for (int a = 0; a < Accounts; a++)
    {
        (await http.PostAsync($"deposit/acct{a}/{Initial}", null)).EnsureSuccessStatusCode();
    }

    int ok = 0, refused = 0;
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
    {
        var random = new Random(c);
        for (int r = 0; r < RequestsPerClient; r++)
        {
            int from = random.Next(Accounts), to = random.Next(Accounts);
            HttpResponseMessage response = await http.PostAsync($"transfer/acct{from}/acct{to}/{random.Next(1, 300)}", null);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref ok);
            }
            else if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref refused);
            }
            else
            {
                throw new InvalidOperationException($"unexpected status {response.StatusCode}");
            }
        }
    }));

    (long total, long transfers, int accounts) = ledger.Totals();
    bool negative = ledger.Snapshot().Any(p => p.Value < 0);
    Console.WriteLine($"{Clients * RequestsPerClient} transfer requests: {ok} done, {refused} refused for insufficient funds");
    Console.WriteLine($"accounts {accounts}, total {total} (expected {Accounts * Initial}), transfers {transfers}, audit lines {log.Count}");
    Console.WriteLine(await http.GetStringAsync("stats"));
    bool good = total == Accounts * Initial && transfers == ok && log.Count == ok && !negative;
    Console.WriteLine(good ? "self-test passed" : "SELF-TEST FAILED");
    return good ? 0 : 1;
}

static int FreeLoopbackPort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}

/// <summary>Writes audit lines to the console (unless quiet) and counts them.</summary>
internal sealed class CountingLog(bool echo) : IAuditLog
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Write(string line)
    {
        Interlocked.Increment(ref _count);
        if (echo)
        {
            Console.WriteLine(line);
        }
    }
}

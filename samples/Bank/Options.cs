using System;
using System.Globalization;

namespace Bank;

/// <summary>Command line: <c>--threads N</c>, <c>--seconds S</c>, <c>--accounts A</c>.</summary>
internal sealed record Options(int Threads, double Seconds, int Accounts)
{
    public static Options? Parse(string[] args)
    {
        var options = new Options(Environment.ProcessorCount, 2, 64);
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--threads" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int threads) && threads > 0:
                    options = options with { Threads = threads };
                    i++;
                    break;
                case "--seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0:
                    options = options with { Seconds = seconds };
                    i++;
                    break;
                case "--accounts" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int accounts) && accounts > 1:
                    options = options with { Accounts = accounts };
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    public const string Usage = "usage: Bank [--threads N] [--seconds S] [--accounts A]   (defaults: processor count, 2, 64)";
}

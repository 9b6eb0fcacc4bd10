using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Stm.Fuzz.Checking;

namespace Stm.Fuzz.Fuzzing;

/// <summary>
/// The findings directory: one folder per signature, named <c>&lt;kind&gt;-&lt;hash of the signature&gt;</c>, holding
/// <c>signature.txt</c>, <c>case.cs</c> (the smallest case seen with it: the best start for <c>min</c>),
/// <c>log.txt</c> (that case's finding detail) and <c>hits.txt</c> (how many cases hit it). Kept across runs: a
/// signature found before is not new again, but a smaller case for it still replaces the old one.
/// </summary>
internal sealed class FindingStore
{
    public const string SignatureFile = "signature.txt";
    public const string CaseFile = "case.cs";
    public const string LogFile = "log.txt";
    private const string HitsFile = "hits.txt";

    private readonly RepositoryLayout _layout;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public FindingStore(RepositoryLayout layout)
    {
        _layout = layout;
        Directory.CreateDirectory(layout.Findings);
        foreach (string folder in Directory.EnumerateDirectories(layout.Findings))
        {
            string signatureFile = Path.Combine(folder, SignatureFile);
            if (File.Exists(signatureFile))
            {
                string caseFile = Path.Combine(folder, CaseFile);
                string hitsFile = Path.Combine(folder, HitsFile);
                _entries[File.ReadAllText(signatureFile).TrimEnd()] = new Entry(folder)
                {
                    Hits = File.Exists(hitsFile) && int.TryParse(File.ReadAllText(hitsFile).Trim(), CultureInfo.InvariantCulture, out int hits) ? hits : 0,
                    BestSize = File.Exists(caseFile) ? new FileInfo(caseFile).Length : long.MaxValue,
                };
            }
        }
    }

    /// <summary>Signatures known, from this run and earlier ones.</summary>
    public int Count => _entries.Count;

    /// <summary>Records one hit of <paramref name="finding"/>; returns the finding's folder if the signature is new, else null.</summary>
    /// <param name="caseText">The case in <see cref="Cases.CaseFormat"/>, as written to <c>case.cs</c>.</param>
    public string? Record(Finding finding, string caseText)
    {
        string? created = null;
        if (!_entries.TryGetValue(finding.Signature, out Entry? entry))
        {
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(finding.Signature)))[..10];
            entry = new Entry(Path.Combine(_layout.Findings, finding.Kind.Name() + "-" + hash));
            Directory.CreateDirectory(entry.Folder);
            File.WriteAllText(Path.Combine(entry.Folder, SignatureFile), finding.Signature + "\n");
            File.AppendAllText(_layout.FindingsLog, string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {Path.GetFileName(entry.Folder)} {finding.Signature}\n"));
            _entries[finding.Signature] = entry;
            created = entry.Folder;
        }

        entry.Hits++;
        File.WriteAllText(Path.Combine(entry.Folder, HitsFile), entry.Hits.ToString(CultureInfo.InvariantCulture) + "\n");
        if (caseText.Length < entry.BestSize)
        {
            entry.BestSize = caseText.Length;
            File.WriteAllText(Path.Combine(entry.Folder, CaseFile), caseText);
            File.WriteAllText(Path.Combine(entry.Folder, LogFile), finding.Signature + "\n\n" + finding.Detail + "\n");
        }

        return created;
    }

    private sealed class Entry(string folder)
    {
        public string Folder { get; } = folder;

        public int Hits { get; set; }

        public long BestSize { get; set; } = long.MaxValue;
    }
}

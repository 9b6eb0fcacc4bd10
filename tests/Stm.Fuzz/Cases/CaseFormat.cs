using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stm.Fuzz.Cases;

/// <summary>
/// The text form of a <see cref="FuzzCase"/>: one file holding several sources, so a finding is a single file to
/// read, run, minimize and paste into an issue.
/// <code>
/// // any comment lines (the fuzzer writes the mutations that made the case)
/// //// CONFIG: Preview Enable DynamicallyLinkedLibrary [alias=S] [seed=corpus/Foo.cs]
/// //// FILE: A.cs
/// ...source of A.cs...
/// //// FILE: B.cs
/// ...source of B.cs...
/// </code>
/// The CONFIG line is optional (default: Preview, nullable Enable, a library); its three words are the names of
/// Roslyn's <see cref="LanguageVersion"/>, <see cref="NullableContextOptions"/> and <see cref="OutputKind"/>. Text
/// before the first FILE line is a comment. A text without any FILE line is a single source named after the file it
/// was read from, so plain .cs files (a corpus case, say) can be run as they are.
/// </summary>
internal static class CaseFormat
{
    public const string ConfigPrefix = "//// CONFIG: ";
    public const string FilePrefix = "//// FILE: ";

    public static string Write(FuzzCase fuzzCase, string? comment = null)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(comment))
        {
            foreach (string line in comment.Split('\n'))
            {
                text.Append("// ").Append(line.TrimEnd('\r')).Append('\n');
            }
        }

        text.Append(ConfigPrefix).Append(fuzzCase.LanguageVersion).Append(' ').Append(fuzzCase.Nullable).Append(' ').Append(fuzzCase.OutputKind);
        if (fuzzCase.RuntimeAlias is not null)
        {
            text.Append(" alias=").Append(fuzzCase.RuntimeAlias);
        }

        if (fuzzCase.Seed is not null)
        {
            text.Append(" seed=").Append(fuzzCase.Seed.Replace(' ', '_'));
        }

        text.Append('\n');
        foreach (CaseFile file in fuzzCase.Files)
        {
            text.Append(FilePrefix).Append(file.Path).Append('\n').Append(file.Text);

            // The next header must start a line; a file without a final newline gains one (the only change a round trip makes).
            if (file.Text.Length > 0 && file.Text[^1] != '\n')
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Reads a case; <paramref name="fileName"/> names the single source of a text without FILE lines, and errors.</summary>
    public static FuzzCase Read(string text, string fileName)
    {
        var language = LanguageVersion.Preview;
        var nullable = NullableContextOptions.Enable;
        var outputKind = OutputKind.DynamicallyLinkedLibrary;
        string? alias = null, seed = null;
        var files = new List<CaseFile>();
        string? path = null;
        var current = new StringBuilder();
        int lineNumber = 0;
        foreach (string line in Lines.WithTerminators(text))
        {
            lineNumber++;
            string content = line.TrimEnd('\r', '\n');
            if (path is null && content.StartsWith(ConfigPrefix, StringComparison.Ordinal))
            {
                string[] words = content[ConfigPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 3)
                {
                    throw new FormatException($"{fileName}:{lineNumber}: CONFIG needs a language version, a nullable option and an output kind");
                }

                language = ParseEnum<LanguageVersion>(words[0], fileName, lineNumber);
                nullable = ParseEnum<NullableContextOptions>(words[1], fileName, lineNumber);
                outputKind = ParseEnum<OutputKind>(words[2], fileName, lineNumber);
                foreach (string option in words.Skip(3))
                {
                    if (option.StartsWith("alias=", StringComparison.Ordinal))
                    {
                        alias = option["alias=".Length..];
                    }
                    else if (option.StartsWith("seed=", StringComparison.Ordinal))
                    {
                        seed = option["seed=".Length..];
                    }
                    else
                    {
                        throw new FormatException($"{fileName}:{lineNumber}: unknown CONFIG option '{option}' (known: alias=NAME, seed=NAME)");
                    }
                }
            }
            else if (content.StartsWith(FilePrefix, StringComparison.Ordinal))
            {
                if (path is not null)
                {
                    files.Add(new CaseFile(path, current.ToString()));
                }

                path = content[FilePrefix.Length..].Trim();
                current.Clear();
            }
            else if (path is not null)
            {
                current.Append(line);
            }
        }

        if (path is not null)
        {
            files.Add(new CaseFile(path, current.ToString()));
        }
        else
        {
            files.Add(new CaseFile(Path.GetFileName(fileName), text));
        }

        return new FuzzCase(files, language, nullable, outputKind, alias, seed);
    }

    public static FuzzCase ReadFile(string path) => Read(File.ReadAllText(path), path);

    private static T ParseEnum<T>(string word, string fileName, int lineNumber)
        where T : struct, Enum =>
        Enum.TryParse(word, ignoreCase: true, out T value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"{fileName}:{lineNumber}: '{word}' is not a {typeof(T).Name} (one of {string.Join(", ", Enum.GetNames<T>())})");
}

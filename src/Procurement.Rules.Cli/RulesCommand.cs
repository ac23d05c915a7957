using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace Procurement.Rules.Cli;

/// <summary>The <c>rules</c> command: <c>list</c> the pack's rules, write its <c>catalogue</c>, <c>export</c> the built-in pack to a folder.</summary>
internal static partial class RulesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(PackOptions pack, CliHost host, TextWriter stderr)
    {
        var rules = new Command("rules", "Work with the rule pack: list its rules, write its catalogue, or export the built-in pack to a folder.");

        var format = new Option<string>("--format", "-f") { Description = "text (a table), markdown (the catalogue) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var list = new Command("list", "List the pack's rules: id, severity, principle and title.") { format };
        list.SetAction(parse => List(pack.Choose(parse, stderr), parse.GetValue(format)!, parse.InvocationConfiguration.Output, stderr));
        rules.Subcommands.Add(list);

        var catalogue = new Command("catalogue", "Write the pack's full catalogue as Markdown: what each rule checks, its severity and the words it quotes.");
        catalogue.Aliases.Add("catalog");
        catalogue.SetAction(parse =>
        {
            var loaded = pack.Choose(parse, stderr);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            // With --pack auto, every built-in pack's catalogue, one after another (each starts with its own heading).
            parse.InvocationConfiguration.Output.Write(string.Join("\n", loaded.Candidates.Select(p => p.ToMarkdown())));
            return ExitCodes.Clean;
        });
        rules.Subcommands.Add(catalogue);

        var directory = new Argument<string>("DIR") { Description = "The folder to write the pack into (created; must be empty or absent)." };
        var export = new Command(
            "export",
            "Write a built-in pack (pack.yaml, rule files and the source texts it quotes, inside the folder) so it can be copied, edited and loaded with "
            + "--rules DIR: the one --pack names, or with --pack auto (the default) every built-in pack, each in DIR/<id>.") { directory };
        export.SetAction(parse =>
        {
            var display = parse.GetValue(directory)!;
            var full = Path.GetFullPath(display, host.CurrentDirectory);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(pack.Rules) is not null)
            {
                stderr.WriteLine("error: rules export writes a built-in pack; --rules names a folder that already holds one: choose a built-in pack with --pack");
                stderr.WriteLine(ParseErrors.UsageFor(parse.CommandResult.Command));
                return ExitCodes.Usage;
            }

            if (parse.GetValue(pack.Pack) is { } id && id != PackOptions.AutoValue)
            {
                return Export(id, display, full, stdout, stderr);
            }

            if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            {
                stderr.WriteLine($"error: {display} is not empty: export into a new or empty folder");
                return ExitCodes.BadInput;
            }

            var code = ExitCodes.Clean;
            foreach (var each in RulePack.EmbeddedPackIds)
            {
                code = ExitCodes.Worst(code, Export(each, Path.Combine(display, each), Path.Combine(full, each), stdout, stderr));
            }

            return code;
        });
        rules.Subcommands.Add(export);
        return rules;
    }

    /// <summary>
    /// Lists the rules in <paramref name="format"/>: of the one pack chosen, or with <c>--pack auto</c> of every built-in
    /// pack, each under its own heading with its period, the date that decides it and its versions (JSON: a
    /// <c>packs</c> array of what one pack's listing holds).
    /// </summary>
    public static int List(PackChoice? packs, string format, TextWriter stdout, TextWriter stderr)
    {
        if (packs is null)
        {
            stderr.WriteLine("Nothing was listed.");
            return ExitCodes.BadInput;
        }

        switch (format)
        {
            case "markdown":
                stdout.Write(string.Join("\n", packs.Candidates.Select(p => p.ToMarkdown())));
                return ExitCodes.Clean;
            case "json":
                using (var json = new JsonTextWriter(stdout) { Formatting = Formatting.Indented, CloseOutput = false })
                {
                    if (packs.Fixed is { } one)
                    {
                        WriteJson(json, one);
                    }
                    else
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("packs");
                        json.WriteStartArray();
                        foreach (var each in packs.Candidates)
                        {
                            WriteJson(json, each);
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }
                }

                stdout.WriteLine();
                return ExitCodes.Clean;
        }

        var first = true;
        foreach (var pack in packs.Candidates)
        {
            if (!first)
            {
                stdout.WriteLine();
            }

            first = false;
            WriteTable(pack, stdout, heading: packs.IsAuto);
        }

        return ExitCodes.Clean;
    }

    private static void WriteJson(JsonTextWriter json, RulePack pack)
    {
        json.WriteStartObject();
        json.WritePropertyName("pack");
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(pack.Id);
        json.WritePropertyName("version");
        json.WriteValue(pack.Version);
        json.WritePropertyName("title");
        json.WriteValue(pack.Title);
        json.WritePropertyName("inForceFrom");
        json.WriteValue(pack.InForceFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WritePropertyName("inForceUntil");
        json.WriteValue(pack.InForceUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WritePropertyName("decidedBy");
        json.WriteValue(Names.Camel(pack.DecidedBy));
        json.WritePropertyName("appliesTo");
        json.WriteStartArray();
        foreach (var kind in pack.AppliesTo)
        {
            json.WriteValue(Names.Camel(kind));
        }

        json.WriteEndArray();
        json.WritePropertyName("versions");
        json.WriteStartArray();
        foreach (var version in pack.Versions)
        {
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(version.Name);
            json.WritePropertyName("from");
            json.WriteValue(version.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WritePropertyName("title");
            json.WriteValue(version.Title);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WritePropertyName("rules");
        json.WriteStartArray();
        foreach (var r in pack.Rules)
        {
            json.WriteStartObject();
            json.WritePropertyName("id");
            json.WriteValue(r.Id);
            json.WritePropertyName("title");
            json.WriteValue(r.Title);
            json.WritePropertyName("principle");
            json.WriteValue(r.Principle.Key);
            json.WritePropertyName("severity");
            json.WriteValue(Gate.Names(r.Severity));
            json.WritePropertyName("citations");
            json.WriteStartArray();
            foreach (var c in r.Citations)
            {
                json.WriteStartObject();
                json.WritePropertyName("source");
                json.WriteValue(c.SourceId);
                json.WritePropertyName("locator");
                json.WriteValue(c.Locator);
                json.WritePropertyName("quote");
                json.WriteValue(c.Quote);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTable(RulePack pack, TextWriter stdout, bool heading)
    {
        stdout.WriteLine($"Rule pack {pack.Id} {pack.Version}: {pack.Title}");
        if (heading)
        {
            stdout.WriteLine($"  {Cli.Period(pack)}"
                + (pack.AppliesTo.Count > 0 ? $"; for commissioners of kind {string.Join(", ", pack.AppliesTo.Select(k => Names.Camel(k)))}" : string.Empty));
            foreach (var version in pack.Versions)
            {
                stdout.WriteLine($"  version {version.Name} (from {version.From:yyyy-MM-dd}): {version.Title}");
            }
        }

        stdout.WriteLine(pack.Rules.Count == 1 ? "1 rule:" : $"{pack.Rules.Count} rules:");
        stdout.WriteLine();
        var rows = pack.Rules.Select(r => new[] { r.Id, Gate.Names(r.Severity), r.Principle.Key, r.Title }).ToList();
        rows.Insert(0, ["ID", "SEVERITY", "PRINCIPLE", "TITLE"]);
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(row => row[c].Length)).ToArray();
        foreach (var row in rows)
        {
            stdout.WriteLine(string.Join("  ", row.Take(3).Select((cell, c) => cell.PadRight(widths[c])).Append(row[3])));
        }
    }

    /// <summary>
    /// Writes a built-in pack to <paramref name="directory"/>: its pack.yaml and rule files, and every source file it reads
    /// under <c>sources/</c> inside the folder, with pack.yaml's <c>file:</c> paths rewritten to point there, so the folder
    /// is self-contained. The files come from the library's embedded resources (<c>packs/&lt;id&gt;/...</c>,
    /// <c>packs/sources/...</c>), read through the public reflection API.
    /// </summary>
    public static int Export(string packId, string display, string directory, TextWriter stdout, TextWriter stderr)
    {
        var assembly = typeof(RulePack).Assembly;
        var names = assembly.GetManifestResourceNames();
        var prefix = "packs/" + packId + "/";
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            stderr.WriteLine($"error: {display} is not empty: export into a new or empty folder");
            return ExitCodes.BadInput;
        }

        string Read(string resource)
        {
            using var stream = assembly.GetManifestResourceStream(resource) ?? throw new FileNotFoundException(resource);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        try
        {
            Directory.CreateDirectory(directory);
            var written = new List<string>();
            foreach (var name in names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.IndexOf('/', prefix.Length) < 0 && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var fileName = name[prefix.Length..];
                var text = Read(name);
                if (fileName == "pack.yaml")
                {
                    // Sources outside the pack folder (the repository keeps them in rules/sources) move inside it.
                    text = SourceFile().Replace(text, m =>
                    {
                        var path = m.Groups["path"].Value;
                        var resource = "packs/" + Normalise(packId + "/" + path);
                        var target = "sources/" + Path.GetFileName(path);
                        if (!names.Contains(resource))
                        {
                            return m.Value;
                        }

                        Directory.CreateDirectory(Path.Combine(directory, "sources"));
                        File.WriteAllText(Path.Combine(directory, target), Read(resource), new UTF8Encoding(false));
                        written.Add(target);
                        return m.Groups["lead"].Value + target;
                    });
                }

                File.WriteAllText(Path.Combine(directory, fileName), text, new UTF8Encoding(false));
                written.Add(fileName);
            }

            stdout.WriteLine($"Exported rule pack {packId} to {display} ({written.Count} files). Load it with: procurement-check --rules {display} <inputs>");
            return ExitCodes.Clean;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: could not export to {display}: {e.Message}");
            return ExitCodes.OutputFailed;
        }
    }

    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"^(?<lead>\s*file:\s*)(?<path>\S+)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SourceFile();
}
